import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { watchForStaleChunks, registerServiceWorker } from './pwa/register'
import './ui/base.css'

const app = createApp(App)
app.use(createPinia())
app.use(createAppRouter())
app.mount('#app')

watchForStaleChunks()
registerServiceWorker()
