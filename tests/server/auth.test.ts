import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { demoPassword } from '../../src/server/demo/people'
import { reserveSignInAttempt, signInCounters } from '../../src/server/auth/rate-limit'

const signIn = (
  server: ServerFixture,
  payload: unknown,
  headers: Record<string, string> = {},
  remoteAddress = '127.0.0.1',
) => server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: payload as object, headers, remoteAddress })

/** Moves every throttling counter `seconds` into the past, as if that much time had gone by. */
const letTimePass = (server: ServerFixture, seconds: number) =>
  server.db.query(
    `update sign_in_attempts set window_started_at = window_started_at - make_interval(secs => $1),
                                 last_attempt_at = last_attempt_at - make_interval(secs => $1)`,
    [seconds],
  )

const statuses = (responses: { statusCode: number }[]) =>
  responses.reduce<Record<number, number>>(
    (count, r) => ({ ...count, [r.statusCode]: (count[r.statusCode] ?? 0) + 1 }),
    {},
  )

describe.each(backends)('sign-in on %s', (backend) => {
  let server: ServerFixture
  beforeAll(async () => {
    server = await demoServer(backend)
  })
  afterAll(() => server.close())

  it.each(['practitioner', 'manager', 'admin', 'viewer'])(
    'signs in the demo %s with an httpOnly, SameSite cookie that lasts',
    async (role) => {
      const response = await signIn(server, { email: `${role}@demo.local`, password: demoPassword })
      expect(response.statusCode).toBe(200)
      expect(response.json().person.role).toBe(role)
      expect(response.json().email).toBe(`${role}@demo.local`)
      const cookie = response.cookies.find((c) => c.name === 'gt_session')
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api' })
      expect(cookie?.maxAge).toBeGreaterThanOrEqual(7 * 24 * 3600)
    },
  )

  it('accepts the email in any case and with spaces around it', async () => {
    const response = await signIn(server, { email: '  Manager@Demo.Local ', password: demoPassword })
    expect(response.statusCode).toBe(200)
  })

  it('gives the same clear message for a wrong password and an unknown email', async () => {
    const wrong = await signIn(server, { email: 'viewer@demo.local', password: 'not it' })
    const unknown = await signIn(server, { email: 'nobody@demo.local', password: 'not it' })
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401)
      expect(response.json().error.message).toBe('That email and password do not match an account.')
      expect(response.cookies).toHaveLength(0)
    }
  })

  it('refuses malformed input with 400 and the reasons, and records nothing', async () => {
    const before = await server.db.query<{ n: number }>('select count(*)::int as n from sign_in_attempts')
    for (const payload of [
      {},
      { email: 'not-an-email', password: 'x' },
      { email: 'a@b.org' },
      { email: 'a@b.org', password: 7 },
    ]) {
      const response = await signIn(server, payload)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('invalid_input')
      expect(response.json().error.issues.length).toBeGreaterThan(0)
    }
    const notJson = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: '{oops',
      headers: { 'content-type': 'application/json' },
    })
    expect(notJson.statusCode).toBe(400)
    const after = await server.db.query<{ n: number }>('select count(*)::int as n from sign_in_attempts')
    expect(after[0]!.n).toBe(before[0]!.n)
  })

  it('after three failed sign-ins for an email from one network, makes each next one wait 1 s, 2 s, 4 s, even with the right password', async () => {
    const email = 'admin@demo.local'
    const from = '192.0.2.10'
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signIn(server, { email, password: `guess ${attempt}` }, {}, from)).statusCode).toBe(401)
    }
    for (const wait of [1, 2, 4]) {
      const refused = await signIn(server, { email, password: demoPassword }, {}, from)
      expect(refused.statusCode).toBe(429)
      expect(refused.headers['retry-after']).toBe(String(wait))
      expect(refused.json().error).toMatchObject({
        code: 'too_many_attempts',
        message: `Too many failed sign-ins for this email address. Wait ${wait === 1 ? '1 second' : `${wait} seconds`} and try again.`,
      })
      await letTimePass(server, wait)
      expect((await signIn(server, { email, password: `guess after ${wait} s` }, {}, from)).statusCode).toBe(401)
    }
    await letTimePass(server, 8)
    expect((await signIn(server, { email, password: demoPassword }, {}, from)).statusCode).toBe(200)
  })

  it('counts an attempt before checking it: of 20 wrong passwords sent at once, 3 are checked and 17 refused unchecked', async () => {
    const email = 'manager@demo.local'
    const from = '192.0.2.20'
    await server.db.query('delete from sign_in_attempts')
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(server, { email, password: `burst ${i}` }, {}, from)),
    )
    expect(statuses(responses)).toEqual({ 401: 3, 429: 17 })
    // The refused ones were not counted either, so they neither lengthen the wait nor count against the account.
    const counters = await server.db.query<{ scope: string; attempts: number }>(
      'select scope, attempts from sign_in_attempts order by scope',
    )
    expect(counters).toEqual([
      { scope: 'email', attempts: 3 },
      { scope: 'email-at-network', attempts: 3 },
      { scope: 'network', attempts: 3 },
    ])
  })

  it('lets the real person sign in from their own network while someone elsewhere hammers their account', async () => {
    const email = 'viewer@demo.local'
    const attacker = '198.51.100.7'
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => signIn(server, { email, password: `attack ${round}.${i}` }, {}, attacker)),
      )
    }
    expect((await signIn(server, { email, password: demoPassword }, {}, attacker)).statusCode).toBe(429)
    // At work, a wrong password is still checked and answered as such, and the right one gets in.
    expect((await signIn(server, { email, password: 'typo' }, {}, '203.0.113.9')).statusCode).toBe(401)
    expect((await signIn(server, { email, password: demoPassword }, {}, '203.0.113.9')).statusCode).toBe(200)
  })

  it('forgives a person their failed attempts once they sign in', async () => {
    const email = 'practitioner@demo.local'
    const from = '192.0.2.30'
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await signIn(server, { email, password: 'typo' }, {}, from)).statusCode).toBe(401)
    await letTimePass(server, 1)
    expect((await signIn(server, { email, password: demoPassword }, {}, from)).statusCode).toBe(200)
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await signIn(server, { email, password: 'typo' }, {}, from)).statusCode).toBe(401)
  })

  it('counts the addresses of one IPv6 /64 as one network', async () => {
    const email = 'admin@demo.local'
    for (const host of ['1', '2', 'abcd:3']) {
      expect((await signIn(server, { email, password: 'guess' }, {}, `2001:db8:7:8::${host}`)).statusCode).toBe(401)
    }
    expect((await signIn(server, { email, password: 'guess' }, {}, '2001:0db8:0007:0008:ffff::9')).statusCode).toBe(429)
    expect((await signIn(server, { email, password: 'guess' }, {}, '2001:db8:7:9::1')).statusCode).toBe(401)
  })

  it('stops a network trying many accounts after 100 failures in 15 minutes, and no other network', async () => {
    const from = '192.0.2.40'
    const limit = signInCounters.network.maxAttempts
    for (let batch = 0; batch < limit / 10; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          signIn(server, { email: `nobody${batch * 10 + i}@demo.local`, password: 'guess' }, {}, from),
        ),
      )
      expect(statuses(responses)).toEqual({ 401: 10 })
    }
    const refused = await signIn(server, { email: 'practitioner@demo.local', password: demoPassword }, {}, from)
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.message).toMatch(
      /^Too many failed sign-ins from this network\. Wait (15 minutes|14 minutes)/,
    )
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60)
    expect(
      (await signIn(server, { email: 'practitioner@demo.local', password: demoPassword }, {}, '192.0.2.41')).statusCode,
    ).toBe(200)
    await letTimePass(server, 15 * 60)
    expect(
      (await signIn(server, { email: 'practitioner@demo.local', password: demoPassword }, {}, from)).statusCode,
    ).toBe(200)
  })

  it('pauses an account tried from a thousand networks within an hour, for everyone, and says why', async () => {
    const email = 'nobody-in-particular@demo.local'
    const limit = signInCounters.email.maxAttempts
    // Attempts reserved through the throttle itself, without the passwords that would follow.
    for (let start = 0; start < limit; start += 25) {
      const batch = Array.from({ length: 25 }, (_, i) =>
        reserveSignInAttempt(server.db, email, `10.0.${(start + i) >> 8}.${(start + i) & 255}`, 'password'),
      )
      expect(await Promise.all(batch)).toEqual(Array(25).fill(undefined))
    }
    const refused = await signIn(server, { email, password: 'anything' }, {}, '203.0.113.50')
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.message).toMatch(
      /^This account has had too many failed sign-ins from many places\. Wait \d+ minutes/,
    )
    expect(
      (await signIn(server, { email: 'viewer@demo.local', password: demoPassword }, {}, '203.0.113.50')).statusCode,
    ).toBe(200)
  })

  it('tells who is signed in, and nothing without a session', async () => {
    const cookie = await server.signIn('practitioner@demo.local')
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })
    expect(me.statusCode).toBe(200)
    expect(me.json().person.name).toBe('Alex Morgan (demo)')
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/auth/session' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error.code).toBe('signed_out')
    const forged = await server.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'gt_session=forged' },
    })
    expect(forged.statusCode).toBe(401)
  })

  it('ends the session on sign-out, so the old cookie no longer works', async () => {
    const cookie = await server.signIn('manager@demo.local')
    const out = await server.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } })
    expect(out.statusCode).toBe(204)
    const after = await server.app.inject({ method: 'GET', url: '/api/sync/pull', headers: { cookie } })
    expect(after.statusCode).toBe(401)
  })

  it('stores passwords only as argon2id hashes', async () => {
    const rows = await server.db.query<{ password_hash: string }>('select password_hash from accounts')
    // Four in Achieving for Children, two in each of the three councils.
    expect(rows.length).toBe(10)
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$argon2id\$/)
      expect(row.password_hash).not.toContain(demoPassword)
    }
  })
})
