/** The Background Sync tag under which the service worker sends the outbox. */
export const outboxSyncTag = 'golden-thread-outbox'
/** Held while the outbox is being sent, by the page or the service worker, so only one sends at a time. */
export const pushLockName = 'golden-thread-push'

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> }
}

/**
 * Asks the browser to wake the service worker and send the outbox when a connection
 * returns, even if the app has been closed. Only Chromium has Background Sync; the page's
 * own triggers (reconnect, visible, timer) cover every browser.
 */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return
  const registration = (await navigator.serviceWorker.getRegistration()) as
    (ServiceWorkerRegistration & SyncRegistration) | undefined
  await registration?.sync?.register(outboxSyncTag).catch(() => undefined)
}

/** Runs `work` holding the push lock where the browser has Web Locks; otherwise just runs it. */
export function withPushLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return work()
  return navigator.locks.request(pushLockName, work) as Promise<T>
}
