import { Workbox } from 'workbox-window'
import { ref } from 'vue'

/** Set when a new version has installed and waits; the prompt offers to switch. */
export const updateWaiting = ref(false)
let workbox: Workbox | undefined

const hourly = 60 * 60 * 1000

export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  workbox = new Workbox('/sw.js')
  workbox.addEventListener('waiting', () => (updateWaiting.value = true))
  // The new worker took over because the person chose to update: load the new app.
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload()
  })
  void workbox.register()
  // Installed apps stay open for days, so look for a new version now and then, online only.
  const check = () => {
    if (navigator.onLine && document.visibilityState === 'visible') void workbox?.update()
  }
  setInterval(check, hourly)
  document.addEventListener('visibilitychange', check)
}

export function applyUpdate() {
  workbox?.messageSkipWaiting()
}

/**
 * A tab still running an old build may ask for a chunk the new deploy has removed.
 * Reload once to pick up the new build; never while offline, where a reload would fail.
 */
export function watchForStaleChunks() {
  window.addEventListener('vite:preloadError', (event) => {
    if (!navigator.onLine || sessionStorage.getItem('gt:reloaded-for-chunk')) return
    sessionStorage.setItem('gt:reloaded-for-chunk', '1')
    event.preventDefault()
    window.location.reload()
  })
}
