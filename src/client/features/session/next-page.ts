/** Where to go once signed in: `next` if it is a path inside the app, never another site; else the start, which knows whose first screen (router.ts). */
export function nextPage(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/'
}
