/** One sign-in over HTTP as a browser on `origin` makes it: the session cookie (`gt_session=…`), its status and time. */
export async function signInOnce(
  origin: string,
  email: string,
  password: string,
): Promise<{ status: number; ms: number; cookie?: string }> {
  const start = performance.now()
  const response = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  })
  await response.arrayBuffer()
  const ms = performance.now() - start
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith('gt_session='))
  return { status: response.status, ms, ...(cookie ? { cookie } : {}) }
}

/** Signs every account in, `concurrency` at a time; throws if one is refused (the benchmark's setup failed). */
export async function signInAll(
  origin: string,
  emails: string[],
  password: string,
  concurrency = 8,
): Promise<string[]> {
  const cookies: string[] = new Array(emails.length)
  let next = 0
  const worker = async () => {
    while (next < emails.length) {
      const index = next++
      const result = await signInOnce(origin, emails[index]!, password)
      if (!result.cookie) throw new Error(`Signing in as ${emails[index]} answered ${result.status}`)
      cookies[index] = result.cookie
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return cookies
}
