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
  // A page already running under a worker that passes to another is being updated ("Update now", here or in
  // another tab): load the new app. A page not yet controlled is only being taken on by the first install.
  // (workbox-window's `isUpdate` remembers only whether a worker controlled the page when it loaded.)
  let controlled = navigator.serviceWorker.controller !== null
  workbox.addEventListener('controlling', () => {
    if (controlled) window.location.reload()
    controlled = true
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
