import './zod-config'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { watchForStaleChunks, registerServiceWorker } from './pwa/register'
import { localDb } from './db/database'
import { watchDatabaseLifecycle } from './db/lifecycle'
import './ui/base.css'

watchDatabaseLifecycle(localDb)
const app = createApp(App)
app.use(createPinia())
app.use(createAppRouter())
app.mount('#app')

watchForStaleChunks()
registerServiceWorker()
