import { useSyncStore } from './store'

const everyFiveMinutes = 5 * 60 * 1000

/**
 * Syncs when the device reconnects, when the app comes back to the foreground, and on
 * a timer, because an installed app on a tablet stays open for days. Returns a stop.
 */
export function startSyncTriggers(): () => void {
  const sync = useSyncStore()
  const onOnline = () => {
    sync.setOnline(true)
    void sync.syncNow()
  }
  const onOffline = () => sync.setOnline(false)
  const onVisible = () => {
    if (document.visibilityState === 'visible') void sync.syncNow()
  }
  window.addEventListener('online', onOnline)
  window.addEventListener('offline', onOffline)
  document.addEventListener('visibilitychange', onVisible)
  const timer = setInterval(() => void sync.syncNow(), everyFiveMinutes)
  void sync.syncNow()
  return () => {
    window.removeEventListener('online', onOnline)
    window.removeEventListener('offline', onOffline)
    document.removeEventListener('visibilitychange', onVisible)
    clearInterval(timer)
  }
}
