import './zod-config'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { registerServiceWorker } from './pwa/register'
import { warmScreensOnceSignedIn } from './pwa/warm-screens'
import { watchScreenLoading } from './ui/screen-loading'
import { localDb } from './db/database'
import { watchDatabaseLifecycle } from './db/lifecycle'
import './ui/base.css'

watchDatabaseLifecycle(localDb)
const app = createApp(App)
const router = createAppRouter()
watchScreenLoading(router)
app.use(createPinia())
app.use(router)
app.mount('#app')
warmScreensOnceSignedIn(router)

registerServiceWorker()
