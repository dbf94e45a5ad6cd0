/** Where to go once signed in: `next` if it is a path inside the app, never another site; else My team. */
export function nextPage(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/my-team'
}
