import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { LocalDatabase } from '../db/database'
import { Unreachable } from '../sync/api'
import { pushAll } from '../sync/push'
import { outboxSyncTag, withPushLock } from './background-sync'

// The worker's own types, declared here so this file can share the app's DOM tsconfig.
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string
}
interface WorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[]
  registration: { active: unknown }
  clients: { claim(): Promise<void> }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void
  addEventListener(type: 'message', listener: (event: MessageEvent<{ type?: string }>) => void): void
}
const worker = self as unknown as WorkerScope

// The app shell and every lazy screen, so the app opens with no network. (The build
// replaces the literal `self.__WB_MANIFEST` with the list of files.)
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST)
cleanupOutdatedCaches()
// Navigations get the app shell, except the API, which must always reach the server.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }))

// First install on a device: the page that registered this worker runs uncontrolled until reloaded, so if the
// signal goes first, the screens it has not opened are out of reach. Take it over at once. A later version never
// claims: it waits for "Update now" (the 'prompt' model), and activating then moves the open pages over by itself.
// (In memory only: if the browser stops the worker between install and activate, the page stays uncontrolled
// and the shell's warm-up of the screens covers it.)
let firstInstall = false
worker.addEventListener('install', () => (firstInstall = worker.registration.active === null))
worker.addEventListener('activate', (event) => {
  if (firstInstall) event.waitUntil(worker.clients.claim())
})

// The person chose "Update now" (workbox-window's messageSkipWaiting).
worker.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void worker.skipWaiting()
})

/**
 * Background Sync: the browser wakes this worker when a connection returns, even with
 * the app closed. A network failure rejects, so the browser tries again later; a
 * refusal (signed out, say) waits for the app.
 */
worker.addEventListener('sync', (event) => {
  if (event.tag !== outboxSyncTag) return
  event.waitUntil(
    withPushLock(async () => {
      const db = new LocalDatabase()
      try {
        await pushAll(db)
      } catch (error) {
        if (error instanceof Unreachable) throw error
      } finally {
        db.close()
      }
    }),
  )
})
