/**
 * The screens that stand in for the app while it is covered. Loaded when first needed, not
 * before the first screen; warmed with every screen's code once someone signs in
 * (pwa/warm-screens.ts), so the lock still opens offline before a service worker controls the page.
 */
export const lockScreens = {
  wiped: () => import('./WipedNotice.vue'),
  locked: () => import('./LockScreen.vue'),
  'needs-pin': () => import('./ChoosePinView.vue'),
}
