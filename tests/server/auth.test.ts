import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { demoPassword } from '../../src/server/demo/people'

const signIn = (server: ServerFixture, payload: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: payload as object, headers })

describe.each(backends)('sign-in on %s', (backend) => {
  let server: ServerFixture
  beforeAll(async () => {
    server = await demoServer(backend)
  })
  afterAll(() => server.close())

  it.each(['practitioner', 'manager', 'admin', 'viewer'])('signs in the demo %s with an httpOnly, SameSite cookie that lasts', async (role) => {
    const response = await signIn(server, { email: `${role}@demo.local`, password: demoPassword })
    expect(response.statusCode).toBe(200)
    expect(response.json().person.role).toBe(role)
    expect(response.json().email).toBe(`${role}@demo.local`)
    const cookie = response.cookies.find((c) => c.name === 'gt_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api' })
    expect(cookie?.maxAge).toBeGreaterThanOrEqual(7 * 24 * 3600)
  })

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
    const before = await server.db.query<{ n: number }>('select count(*)::int as n from sign_in_failures')
    for (const payload of [{}, { email: 'not-an-email', password: 'x' }, { email: 'a@b.org' }, { email: 'a@b.org', password: 7 }]) {
      const response = await signIn(server, payload)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('invalid_input')
      expect(response.json().error.issues.length).toBeGreaterThan(0)
    }
    const notJson = await server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: '{oops', headers: { 'content-type': 'application/json' } })
    expect(notJson.statusCode).toBe(400)
    const after = await server.db.query<{ n: number }>('select count(*)::int as n from sign_in_failures')
    expect(after[0]!.n).toBe(before[0]!.n)
  })

  it('blocks an email after five failed attempts, even with the right password, and says when to retry', async () => {
    const email = 'admin@demo.local'
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(server, { email, password: `guess ${attempt}` })).statusCode).toBe(401)
    }
    const blocked = await signIn(server, { email, password: demoPassword })
    expect(blocked.statusCode).toBe(429)
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
    expect(blocked.json().error.message).toMatch(/Too many failed sign-ins/)
    // Other accounts are unaffected.
    expect((await signIn(server, { email: 'practitioner@demo.local', password: demoPassword })).statusCode).toBe(200)
  })

  it('tells who is signed in, and nothing without a session', async () => {
    const cookie = await server.signIn('practitioner@demo.local')
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })
    expect(me.statusCode).toBe(200)
    expect(me.json().person.name).toBe('Alex Morgan (demo)')
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/auth/session' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error.code).toBe('signed_out')
    const forged = await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'gt_session=forged' } })
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
    expect(rows.length).toBe(4)
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$argon2id\$/)
      expect(row.password_hash).not.toContain(demoPassword)
    }
  })
})
