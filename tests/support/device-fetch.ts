/**
 * `fetch` as a browser tab on `origin` would do it: relative URLs, and a cookie jar
 * that keeps what the server sets. Lets client code run in Node against the real
 * server over real HTTP.
 */
const networkFetch = globalThis.fetch

export function deviceFetch(origin: string) {
  const jar = new Map<string, string>()
  let requests = 0
  let bytes = 0
  const fetchLike = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input), origin)
    const headers = new Headers(init.headers)
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    if (init.method && init.method !== 'GET') headers.set('origin', origin)
    const response = await networkFetch(url, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, value] = pair!.split('=')
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || !value) jar.delete(name!)
      else jar.set(name!, value)
    }
    const body = await response.arrayBuffer()
    requests += 1
    bytes += body.byteLength
    return new Response(response.status === 204 ? null : body, { status: response.status, headers: response.headers })
  }
  return {
    fetch: fetchLike,
    traffic: () => ({ requests, bytes }),
    hasSession: () => jar.has('gt_session'),
  }
}
