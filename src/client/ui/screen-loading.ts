import { shallowRef } from 'vue'
import type { RouteLocationNormalized, Router } from 'vue-router'
import { api, Unreachable } from '../sync/api'

/** A screen whose code could not be fetched, and the screen the person was on when they asked for it. */
export interface UnavailableScreen {
  to: RouteLocationNormalized
  from: RouteLocationNormalized
  /** Counts the failures, so a second failed try shows (and announces) the message afresh. */
  attempt: number
}

/** Set while the main area says a screen could not open; any navigation that completes clears it. */
export const unavailableScreen = shallowRef<UnavailableScreen>()

const reloadedKey = 'gt:reloaded-for-chunk'
let attempts = 0

/**
 * Shows "This screen isn't saved on this device yet" when a screen's code cannot be fetched (no signal, no
 * service worker yet), instead of leaving the person where they were with no word of why.
 */
export function watchScreenLoading(router: Router): void {
  // Vite reports a chunk that failed to load, then the router rejects with that same error.
  const failedLoads = new WeakSet<object>()
  window.addEventListener('vite:preloadError', (event) => {
    if (event.payload instanceof Object) failedLoads.add(event.payload)
  })
  router.onError((error: unknown, to, from) => {
    // Anything else is a fault, logged as the router logs it when no one listens.
    if (!(error instanceof Object) || !failedLoads.has(error)) return console.error(error)
    unavailableScreen.value = { to, from, attempt: ++attempts }
    void reloadIfItWouldOpen(to)
  })
  router.afterEach((_to, _from, failure) => {
    unavailableScreen.value = undefined
    if (!failure) sessionStorage.removeItem(reloadedKey)
  })
}

/**
 * Chromium keeps a failed import failed for the life of the page, and a tab still running an old build may
 * ask for a chunk the new deploy has removed: either way only loading the page afresh opens the screen. So
 * reload onto it, when that can work: the server answers, or a service worker controls the page and has
 * every screen in its precache. Never otherwise, where the reload would fail too (`navigator.onLine` stays
 * true when only the server is out of reach, so ask the server). Once, until a screen opens, so a chunk that
 * is truly missing cannot loop.
 */
async function reloadIfItWouldOpen(to: RouteLocationNormalized): Promise<void> {
  if (sessionStorage.getItem(reloadedKey)) return
  if (!navigator.serviceWorker?.controller && !(navigator.onLine && (await serverAnswers()))) return
  sessionStorage.setItem(reloadedKey, '1')
  window.location.assign(to.fullPath)
}

function serverAnswers(): Promise<boolean> {
  return api('/health').then(
    () => true,
    (error: unknown) => !(error instanceof Unreachable),
  )
}
