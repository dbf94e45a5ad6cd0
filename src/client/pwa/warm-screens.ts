import { watchEffect } from 'vue'
import type { Router } from 'vue-router'
import { useSessionStore } from '../features/session/store'
import { lockScreens } from '../features/device-lock/lock-screens'
import { openSurveysPart, teamMembersPart } from '../features/my-team/parts'
import { signOutButtonPart } from '../ui/sign-out-part'

type LoadScreen = () => Promise<unknown>

/**
 * Until a service worker controls the page (the first minutes on a new device, or a browser that blocks
 * workers), each screen's code is fetched from the network the first time it is opened. So once someone is
 * signed in on such a page, fetch every screen's code: if the signal goes, every screen still opens. A page
 * that a worker controls has all of it in the precache already, and skips this.
 */
export function warmScreensOnceSignedIn(router: Router): void {
  const session = useSessionStore()
  let started = false
  watchEffect(() => {
    if (started || !session.signedIn) return
    started = true
    if (!navigator.serviceWorker?.controller) void loadEveryScreen(router)
  })
}

/** Parts of screens that load on their own after the screen: each must open offline too. */
const partsLoadedLater: LoadScreen[] = [
  ...Object.values(lockScreens),
  openSurveysPart,
  teamMembersPart,
  signOutButtonPart,
]

/**
 * Calls each route's loader, as the router would, and each later part's. Once loaded, a module stays in the
 * page, so the router's own import later needs no network. A failure here is left for the router to report
 * when the screen opens.
 */
function loadEveryScreen(router: Router): Promise<unknown> {
  const loaders = router
    .getRoutes()
    .flatMap((route) => Object.values(route.components ?? {}))
    .filter((component): component is LoadScreen => typeof component === 'function')
  return Promise.allSettled([...loaders, ...partsLoadedLater].map((load) => load()))
}
