export interface Visit {
  status: number
  url: URL
  headers: Headers
  body: string
}

interface StoredCookie {
  value: string
  path: string
}

/**
 * A browser in miniature over real HTTP: a cookie jar per origin (honouring Path and
 * expiry, as a browser does) and redirects followed by hand, so a test can walk a
 * sign-in through two servers and look at every hop.
 */
export function cookieBrowser() {
  const jars = new Map<string, Map<string, StoredCookie>>()
  const jarFor = (url: URL) => jars.get(url.origin) ?? jars.set(url.origin, new Map()).get(url.origin)!

  function remember(url: URL, headers: Headers) {
    const jar = jarFor(url)
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
      const split = pair.indexOf('=')
      const name = pair.slice(0, split)
      const value = pair.slice(split + 1)
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) || '/'
      const expired = attributes.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
      )
      if (expired || value === '') jar.delete(name)
      else jar.set(name, { value, path })
    }
  }

  function cookieHeader(url: URL): string {
    return [...jarFor(url)]
      .filter(
        ([, cookie]) =>
          url.pathname === cookie.path ||
          url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ')
  }

  /** One request, no redirect followed. */
  async function request(
    target: string | URL,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Visit> {
    const url = new URL(target)
    const headers = new Headers()
    const cookies = cookieHeader(url)
    if (cookies) headers.set('cookie', cookies)
    if (init.form) headers.set('content-type', 'application/x-www-form-urlencoded')
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    })
    remember(url, response.headers)
    return { status: response.status, url, headers: response.headers, body: await response.text() }
  }

  /** Follows redirects until a page answers; `hops` has every response on the way, the page last. */
  async function follow(
    target: string | URL,
    init: { method?: string; form?: Record<string, string> } = {},
    stopAt?: (url: URL) => boolean,
  ) {
    const hops: Visit[] = [await request(target, init)]
    for (let count = 0; count < 20; count++) {
      const last = hops.at(-1)!
      const location = last.headers.get('location')
      if (last.status < 300 || last.status >= 400 || !location) break
      const next = new URL(location, last.url)
      if (stopAt?.(next)) break
      hops.push(await request(next))
    }
    return hops
  }

  /** The value of a cookie the browser holds for `origin`, as a page's script could not read it (httpOnly). */
  const cookie = (origin: string, name: string) => jars.get(new URL(origin).origin)?.get(name)?.value

  return { request, follow, cookie }
}

export type CookieBrowser = ReturnType<typeof cookieBrowser>
