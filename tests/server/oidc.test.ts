import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import type { Database } from '../../src/server/db/database'
import { seedDemo } from '../../src/server/demo/seed'
import { demoPassword } from '../../src/server/demo/people'
import { signInSettingsFromEnv } from '../../src/server/auth/oidc-settings'
import { backends, freshDatabase } from '../support/databases'
import { freePort } from '../support/postgres'
import { startIdentityProvider, type RunningIdentityProvider } from '../support/identity-provider'
import { cookieBrowser, type CookieBrowser, type Visit } from '../support/cookie-browser'
import { nastyString } from '../support/fuzz-values'

// The people the provider knows, by the name typed in its login form.
const directory = {
  manager: { email: 'Manager@Demo.Local', email_verified: true, name: 'Manager' },
  // Entra may send no `email` (an account without a mailbox) and the sign-in name in preferred_username.
  'entra-practitioner': { preferred_username: 'practitioner@demo.local' },
  stranger: { email: 'stranger@elsewhere.example', email_verified: true },
  unverified: { email: 'admin@demo.local', email_verified: false },
  leaver: { email: 'viewer@demo.local', email_verified: true },
}

async function listeningApp(
  db: Database,
  port: number,
  provider: RunningIdentityProvider,
  extra: Record<string, string> = {},
) {
  const signIn = signInSettingsFromEnv({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    OIDC_BUTTON_LABEL: 'Sign in with Test ID',
    ...extra,
  })
  const app = await buildApp({ db, signIn })
  await app.listen({ port, host: '127.0.0.1' })
  return app
}

const callbackPath = '/api/auth/oidc/callback'

describe.each(backends)('sign-in with the identity provider on %s', (backend) => {
  let db: Database
  let provider: RunningIdentityProvider
  let app: FastifyInstance
  let strictApp: FastifyInstance
  let origin: string
  let strictOrigin: string

  beforeAll(async () => {
    db = await freshDatabase(backend)
    await seedDemo(db)
    const [port, strictPort] = await Promise.all([freePort(), freePort()])
    origin = `http://127.0.0.1:${port}`
    strictOrigin = `http://127.0.0.1:${strictPort}`
    provider = await startIdentityProvider({
      redirectUris: [origin + callbackPath, strictOrigin + callbackPath],
      directory,
    })
    app = await listeningApp(db, port, provider)
    strictApp = await listeningApp(db, strictPort, provider, { PASSWORD_SIGN_IN: 'false' })
  })
  afterAll(async () => {
    await app?.close()
    await strictApp?.close()
    await provider?.stop()
    await db?.close()
  })

  const atProvider = (url: URL) => url.origin === provider.issuer
  const atCallback = (url: URL) => url.pathname === callbackPath

  /** Starts at Golden Thread and stops on the provider's login form; returns the form's address. */
  async function openLoginForm(browser: CookieBrowser, start = `${origin}/api/auth/oidc/start`) {
    const hops = await browser.follow(start)
    const form = hops.at(-1)!
    expect(atProvider(form.url)).toBe(true)
    expect(form.status).toBe(200)
    const action = /<form[^>]*action="([^"]+)"/.exec(form.body)?.[1]
    expect(action, 'the provider shows a login form').toBeDefined()
    return { hops, action: new URL(action!.replaceAll('&amp;', '&'), form.url), form }
  }

  /** Types `login` into the provider's form and follows its redirects up to (not into) the callback. */
  async function logInAtProvider(browser: CookieBrowser, login: string, start?: string): Promise<URL> {
    const { action } = await openLoginForm(browser, start)
    const hops = await browser.follow(
      action,
      { form: { prompt: 'login', login, password: 'any password' } },
      atCallback,
    )
    const location = hops.at(-1)!.headers.get('location')
    expect(location, 'the provider sends the person back to Golden Thread').toBeTruthy()
    const callback = new URL(location!, hops.at(-1)!.url)
    expect(callback.origin + callback.pathname).toMatch(new RegExp(`${callbackPath}$`))
    return callback
  }

  const sessionOf = (browser: CookieBrowser, at = origin) => browser.request(`${at}/api/auth/session`)
  const expectPage = (visit: Visit, status: number, text: string) => {
    expect(visit.status).toBe(status)
    expect(visit.headers.get('content-type')).toMatch(/^text\/html/)
    expect(visit.headers.get('cache-control')).toContain('no-store')
    expect(visit.body).toContain(text)
    expect(visit.body).toContain('href="/sign-in"')
  }

  it('tells the sign-in screen what to offer', async () => {
    const browser = cookieBrowser()
    expect(JSON.parse((await browser.request(`${origin}/api/auth/methods`)).body)).toEqual({
      password: true,
      provider: { label: 'Sign in with Test ID', startPath: '/api/auth/oidc/start' },
    })
    expect(JSON.parse((await browser.request(`${strictOrigin}/api/auth/methods`)).body).password).toBe(false)
  })

  it('sends the person to the provider with PKCE, state and nonce, uncacheably, remembering them only by an httpOnly cookie', async () => {
    const browser = cookieBrowser()
    const start = await browser.request(`${origin}/api/auth/oidc/start?next=%2Fplan`)
    expect(start.status).toBe(302)
    expect(start.headers.get('cache-control')).toContain('no-store')
    const to = new URL(start.headers.get('location')!)
    expect(to.origin).toBe(provider.issuer)
    expect(to.searchParams.get('code_challenge_method')).toBe('S256')
    for (const parameter of ['code_challenge', 'state', 'nonce'])
      expect(to.searchParams.get(parameter)?.length).toBeGreaterThanOrEqual(32)
    expect(to.searchParams.get('redirect_uri')).toBe(origin + callbackPath)
    const cookie = start.headers.getSetCookie().find((line) => line.startsWith('gt_oidc='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/i)
  })

  it('signs in the account whose email matches, in any case, and sends the person on to where they were going', async () => {
    const browser = cookieBrowser()
    const callback = await logInAtProvider(browser, 'manager', `${origin}/api/auth/oidc/start?next=%2Fplan`)
    const landed = await browser.request(callback)
    expect(landed.status).toBe(302)
    expect(landed.headers.get('location')).toBe('/sign-in/complete?next=%2Fplan')
    expect(landed.headers.get('cache-control')).toContain('no-store')
    const session = await sessionOf(browser)
    expect(session.status).toBe(200)
    expect(JSON.parse(session.body)).toMatchObject({ email: 'manager@demo.local', person: { role: 'manager' } })
  })

  it('takes the email from preferred_username when the token carries no email claim', async () => {
    const browser = cookieBrowser()
    await browser.request(await logInAtProvider(browser, 'entra-practitioner'))
    expect(JSON.parse((await sessionOf(browser)).body)).toMatchObject({
      email: 'practitioner@demo.local',
      person: { role: 'practitioner' },
    })
  })

  it('refuses an email with no account, says whom to ask, and creates nothing', async () => {
    const accounts = await db.query<{ n: number }>('select count(*)::int as n from accounts')
    const browser = cookieBrowser()
    const page = await browser.request(await logInAtProvider(browser, 'stranger'))
    expectPage(
      page,
      403,
      'There is no account for stranger@elsewhere.example in Golden Thread. Ask your plan admin to add you.',
    )
    expect(browser.cookie(origin, 'gt_session')).toBeUndefined()
    expect((await sessionOf(browser)).status).toBe(401)
    expect(await db.query('select count(*)::int as n from accounts')).toEqual(accounts)
  })

  it('refuses a deactivated person, and says so', async () => {
    const [viewer] = await db.query<{ person_id: string }>(
      "select person_id from accounts where email = 'viewer@demo.local'",
    )
    await db.query('insert into person_deactivations (person_id) values ($1)', [viewer!.person_id])
    try {
      const browser = cookieBrowser()
      const page = await browser.request(await logInAtProvider(browser, 'leaver'))
      expectPage(page, 403, 'The account for viewer@demo.local in Golden Thread has been deactivated.')
      expect(browser.cookie(origin, 'gt_session')).toBeUndefined()
    } finally {
      await db.query('delete from person_deactivations where person_id = $1', [viewer!.person_id])
    }
  })

  it('does not take an email the provider marks unverified', async () => {
    const browser = cookieBrowser()
    const page = await browser.request(await logInAtProvider(browser, 'unverified'))
    expectPage(page, 403, 'did not tell Golden Thread your email address')
    expect((await sessionOf(browser)).status).toBe(401)
  })

  it('refuses a tampered state with a 400 page, and the sign-in it belonged to cannot be finished after that', async () => {
    const browser = cookieBrowser()
    const callback = await logInAtProvider(browser, 'manager')
    const tampered = new URL(callback)
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`)
    expectPage(await browser.request(tampered), 400, 'could not be checked')
    expectPage(await browser.request(callback), 400, 'This sign-in has expired, was already used')
    expect((await sessionOf(browser)).status).toBe(401)
  })

  it('refuses a replayed callback, even with the cookie of the browser that started it', async () => {
    const browser = cookieBrowser()
    const callback = await logInAtProvider(browser, 'manager')
    const copied = browser.cookie(origin, 'gt_oidc')
    expect(copied).toBeDefined()
    expect((await browser.request(callback)).status).toBe(302)
    expectPage(await browser.request(callback), 400, 'was already used')
    const replay = await fetch(callback, { headers: { cookie: `gt_oidc=${copied}` }, redirect: 'manual' })
    expect(replay.status).toBe(400)
    expect(replay.headers.getSetCookie().some((line) => line.startsWith('gt_session='))).toBe(false)
  })

  it('refuses a callback in a browser that did not start the sign-in, and the real one still signs in', async () => {
    const person = cookieBrowser()
    const callback = await logInAtProvider(person, 'manager')
    const victim = cookieBrowser()
    expectPage(await victim.request(callback), 400, 'started in another browser')
    expect((await sessionOf(victim)).status).toBe(401)
    expect((await person.request(callback)).status).toBe(302)
    expect((await sessionOf(person)).status).toBe(200)
  })

  it('refuses a sign-in that took too long', async () => {
    const browser = cookieBrowser()
    const callback = await logInAtProvider(browser, 'manager')
    await db.query(`update oidc_logins set expires_at = now() - interval '1 second'`)
    expectPage(await browser.request(callback), 400, 'This sign-in has expired')
    expect((await sessionOf(browser)).status).toBe(401)
  })

  it('shows a 403 page, not an error, when the person cancels at the provider', async () => {
    const browser = cookieBrowser()
    const { form } = await openLoginForm(browser)
    const abort = new URL(`${form.url.pathname.replace(/\/$/, '')}/abort`, form.url)
    const hops = await browser.follow(abort)
    const page = hops.at(-1)!
    expect(atCallback(page.url)).toBe(true)
    expectPage(page, 403, 'did not let you in')
    expect((await sessionOf(browser)).status).toBe(401)
  })

  it('never sends the person on to another site after signing in', async () => {
    for (const next of [
      'https://elsewhere.example/',
      '//elsewhere.example/x',
      '/\\elsewhere.example',
      '/api/auth/sign-out',
    ]) {
      const browser = cookieBrowser()
      const callback = await logInAtProvider(
        browser,
        'manager',
        `${origin}/api/auth/oidc/start?next=${encodeURIComponent(next)}`,
      )
      expect((await browser.request(callback)).headers.get('location')).toBe('/sign-in/complete')
    }
  })

  it('answers generated starts and callbacks with a redirect or a 4xx page, never a 5xx, and signs nobody in', async () => {
    // Percent-encoded as a browser would; half an emoji, which has no UTF-8, as the bytes a careless client sends.
    const encode = (value: string) =>
      [...value].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('')
    const text = nastyString.filter((value) => value.length < 2000)
    const sessionsBefore = await db.query('select count(*)::int as n from sessions')
    const statuses: Record<number, number> = {}
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          next: fc.oneof(
            text,
            text.map((value) => `/${value}`),
          ),
          params: fc.dictionary(
            fc.constantFrom('code', 'state', 'error', 'error_description', 'iss', 'session_state'),
            text,
            { maxKeys: 4 },
          ),
          rightState: fc.boolean(),
          sameBrowser: fc.boolean(),
        }),
        async ({ next, params, rightState, sameBrowser }) => {
          const browser = cookieBrowser()
          const start = await browser.request(`${origin}/api/auth/oidc/start?next=${encode(next)}`)
          expect(start.status).toBe(302)
          const state = new URL(start.headers.get('location')!).searchParams.get('state')!
          const query = Object.entries({ ...params, ...(rightState ? { state } : {}) }).map(
            ([k, v]) => `${k}=${encode(v)}`,
          )
          const callback = `${origin}${callbackPath}?${query.join('&')}`
          const answer = await (sameBrowser ? browser : cookieBrowser()).request(callback)
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
          expect(answer.status).toBeGreaterThanOrEqual(400)
          expect(answer.status).toBeLessThan(500)
          expect(answer.headers.get('content-type')).toMatch(/^text\/html/)
          expect(answer.headers.getSetCookie().some((line) => line.startsWith('gt_session='))).toBe(false)
        },
      ),
      { numRuns: 150, seed: 20_261_105 },
    )
    expect(await db.query('select count(*)::int as n from sessions')).toEqual(sessionsBefore)
    // The provider itself refused some (a made-up code with the right state), not only Golden Thread.
    expect(statuses[400]).toBeGreaterThan(0)
  })

  it('with PASSWORD_SIGN_IN=false refuses the right password, and the provider still signs people in', async () => {
    const refused = await fetch(`${strictOrigin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.local', password: demoPassword }),
    })
    expect(refused.status).toBe(403)
    expect((await refused.json()).error).toMatchObject({
      code: 'password_sign_in_off',
      message: expect.stringMatching(/Passwords are switched off/),
    })
    expect(refused.headers.getSetCookie()).toHaveLength(0)
    const browser = cookieBrowser()
    await browser.request(await logInAtProvider(browser, 'manager', `${strictOrigin}/api/auth/oidc/start`))
    expect((await sessionOf(browser, strictOrigin)).status).toBe(200)
  })
})

describe('with the identity provider out of reach', () => {
  let db: Database
  let app: FastifyInstance
  beforeAll(async () => {
    db = await freshDatabase('pglite')
    await seedDemo(db)
    const silentPort = await freePort()
    app = await buildApp({
      db,
      signIn: signInSettingsFromEnv({
        OIDC_ISSUER: `http://127.0.0.1:${silentPort}`,
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_SECRET: 's',
        PUBLIC_URL: 'http://127.0.0.1:1',
      }),
    })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  it('answers the sign-in button with a page saying to try later, and password sign-in still works', async () => {
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' })
    expect(start.statusCode).toBe(502)
    expect(start.headers['content-type']).toMatch(/^text\/html/)
    expect(start.body).toContain('could not reach your organisation')
    expect(start.cookies).toHaveLength(0)
    const password = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'viewer@demo.local', password: demoPassword },
    })
    expect(password.statusCode).toBe(200)
  })
})

describe('sign-in settings from the environment', () => {
  const entra = {
    OIDC_ISSUER: 'https://login.microsoftonline.com/4f1c2e3a-0000-4000-8000-000000000001/v2.0',
    OIDC_CLIENT_ID: 'client',
    OIDC_CLIENT_SECRET: 'secret',
    PUBLIC_URL: 'https://plans.council.gov.uk',
  }

  it('needs nothing for passwords only, and derives the callback from PUBLIC_URL', () => {
    expect(signInSettingsFromEnv({})).toEqual({ password: true, oidc: undefined })
    const settings = signInSettingsFromEnv({
      ...entra,
      OIDC_BUTTON_LABEL: 'Sign in with Microsoft',
      PASSWORD_SIGN_IN: 'false',
    })
    expect(settings.password).toBe(false)
    expect(settings.oidc?.redirectUrl.href).toBe('https://plans.council.gov.uk/api/auth/oidc/callback')
    expect(settings.oidc?.buttonLabel).toBe('Sign in with Microsoft')
    expect(settings.oidc?.emailClaims).toEqual(['email', 'preferred_username'])
  })

  it.each([
    [{ ...entra, OIDC_ISSUER: 'https://login.microsoftonline.com/common/v2.0' }, /your own tenant/],
    [{ ...entra, OIDC_ISSUER: 'https://login.microsoftonline.com/organizations/v2.0' }, /your own tenant/],
    [{ ...entra, OIDC_ISSUER: 'http://idp.council.gov.uk' }, /https/],
    [{ ...entra, OIDC_CLIENT_SECRET: '' }, /OIDC_CLIENT_SECRET must be set/],
    [{ ...entra, PUBLIC_URL: undefined }, /OIDC_REDIRECT_URL, or PUBLIC_URL/],
    [
      { ...entra, OIDC_REDIRECT_URL: 'https://plans.council.gov.uk/callback' },
      /must end in \/api\/auth\/oidc\/callback/,
    ],
    [{ ...entra, OIDC_EMAIL_CLAIMS: ' , ' }, /at least one claim/],
    [{ PASSWORD_SIGN_IN: 'false' }, /nobody could sign in/],
    [{ PASSWORD_SIGN_IN: 'no' }, /true or false/],
  ])('refuses to start with settings that would leave sign-in broken or open: %o', (env, reason) => {
    expect(() => signInSettingsFromEnv(env)).toThrow(reason)
  })
})
