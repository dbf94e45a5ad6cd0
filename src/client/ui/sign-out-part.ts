/**
 * Signing out, with its warning about unsent changes: loaded after the first screen, not before it;
 * warmed with every screen's code (pwa/warm-screens.ts), so it opens offline too.
 */
export const signOutButtonPart = () => import('./SignOutButton.vue')
