import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import type { Database } from '../../src/server/db/database'
import { seedDemo } from '../../src/server/demo/seed'
import { demoPassword } from '../../src/server/demo/people'
import type { Question } from '../../src/shared/surveys'
import { backends, freshDatabase, type Backend } from '../support/databases'
import { change, demoIds, progress, type DemoIds } from '../support/push-fixture'
import { rawRequest } from '../support/raw-http'

/** A real 24×16 JPEG, 323 bytes (as in attachments.test.ts). */
const photo = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAUDBAQEAwUEBAQFBQUGBwwIBwcHBw8LCwkMEQ8SEhEPERETFhwXExQaFRERGCEYGh0dHx8fExciJCIeJBweHx7/2wBDAQUFBQcGBw4ICA4eFBEUHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh7/wAARCAAQABgDASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAcF/8QAFxAAAwEAAAAAAAAAAAAAAAAAABZjof/EABUBAQEAAAAAAAAAAAAAAAAAAAAF/8QAGREAAQUAAAAAAAAAAAAAAAAAABYXYWOh/9oADAMBAAIRAxEAPwDSbK6GyukEbK6Gyuldka8LynkvbZXQQRsroDI14FPJ/9k=',
  'base64',
)

interface Served {
  db: Database
  app: FastifyInstance
  origin: string
  port: number
  /** Every line the app logged, as written. */
  log: string[]
  signIn(email: string): Promise<string>
  close(): Promise<void>
}

/** The demo organisation served over real HTTP on loopback, logging at `info` into `log`. */
async function serve(backend: Backend, options: { trustProxy?: boolean } = {}): Promise<Served> {
  const db = await freshDatabase(backend)
  await seedDemo(db)
  const log: string[] = []
  const app = await buildApp({
    db,
    logLevel: 'info',
    logDestination: { write: (line) => void log.push(line) },
    ...options,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  return {
    db,
    app,
    origin,
    port,
    log,
    async signIn(email) {
      const response = await fetch(`${origin}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: demoPassword }),
      })
      expect(response.status).toBe(200)
      return response.headers.getSetCookie()[0]!.split(';')[0]!
    },
    async close() {
      await app.close()
      await db.close()
    },
  }
}

const json = (cookie: string) => ({ 'content-type': 'application/json', cookie })

describe.each(backends)('logs on %s', (backend) => {
  let served: Served
  let ids: DemoIds
  let manager: string
  beforeAll(async () => {
    served = await serve(backend)
    ids = await demoIds(served.db)
    manager = await served.signIn('manager@demo.local')
  })
  afterAll(() => served.close())

  const lines = () =>
    served.log.map(
      (line) => JSON.parse(line) as { level: number; msg: string; req?: unknown; err?: Record<string, unknown> },
    )

  it('logs each request by method and path, never its query string, body or password', async () => {
    const marker = `query-marker-${randomUUID()}`
    const password = `typed-password-${randomUUID()}`
    await fetch(`${served.origin}/api/sync/pull?since=0&note=${marker}`, { headers: { cookie: manager } })
    const chunk = new URLSearchParams({
      offset: '0',
      size: String(photo.length),
      name: `${marker}.jpg`,
      type: 'image/jpeg',
    })
    const upload = await fetch(`${served.origin}/api/attachments/${randomUUID()}/chunks?${chunk}`, {
      method: 'PUT',
      headers: { cookie: manager, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(photo),
    })
    expect(upload.status).toBe(200)
    const wrong = await fetch(`${served.origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.local', password }),
    })
    expect(wrong.status).toBe(401)

    const requests = lines().flatMap((line) => (line.req ? [line.req] : []))
    expect(requests).toContainEqual({ method: 'GET', path: '/api/sync/pull' })
    expect(requests).toContainEqual({ method: 'POST', path: '/api/auth/sign-in' })
    const everything = served.log.join('')
    expect(everything).not.toContain(marker)
    expect(everything).not.toContain(password)
    expect(everything).not.toContain(demoPassword)
  })

  it('logs a failed query by its code and message, without its parameters, its row or what was typed', async () => {
    // A real failure inside PostgreSQL whose message quotes the row: PGlite's error also carries the parameters.
    await served.db.exec(`
      create function refuse_row() returns trigger language plpgsql as $$
        begin perform to_jsonb(new)::text::int; return new; end $$;
      create trigger refuse_row before insert or update on survey_answer_buckets for each row execute function refuse_row();
      create trigger refuse_row before insert on progress_updates for each row execute function refuse_row();
    `)
    try {
      const freeText = `survey-free-text-${randomUUID()}`
      const commentary = `progress-commentary-${randomUUID()}`
      const [survey] = await served.db.query<{ id: string; questions: Question[] }>(
        'select id, questions from surveys where opens_on <= current_date and closes_on >= current_date order by opens_on limit 1',
      )
      const answers = Object.fromEntries(survey!.questions.map((q) => [q.id, q.kind === 'free-text' ? freeText : 1]))
      const before = served.log.length
      for (const mutation of [
        change('survey.submit', { surveyId: survey!.id, answers }),
        change('progress.post', progress(ids.action('K9'), 'green', commentary)),
      ]) {
        const response = await fetch(`${served.origin}/api/sync/push`, {
          method: 'POST',
          headers: json(manager),
          body: JSON.stringify({ mutations: [mutation] }),
        })
        expect(response.status).toBe(500)
        expect((await response.json()).error.code).toBe('server_error')
      }

      const failures = lines()
        .slice(before)
        .filter((line) => line.level >= 50)
      expect(failures.length).toBeGreaterThanOrEqual(2)
      for (const failure of failures) {
        expect(failure.err).toMatchObject({
          code: '22P02',
          message: expect.stringContaining('invalid input syntax for type integer'),
        })
        expect(Object.keys(failure.err!).sort()).toEqual(['code', 'message', 'stack', 'type'])
      }
      const everything = served.log.join('')
      expect(everything).not.toContain(freeText)
      expect(everything).not.toContain(commentary)
    } finally {
      await served.db.exec(
        'drop trigger refuse_row on survey_answer_buckets; drop trigger refuse_row on progress_updates; drop function refuse_row',
      )
    }
  })
})

// Headers and parsing do not depend on the database, so PGlite alone serves here.
describe('caches, HSTS and errors before routing', () => {
  let served: Served
  let behindProxy: Served
  let ids: DemoIds
  beforeAll(async () => {
    served = await serve('pglite')
    behindProxy = await serve('pglite', { trustProxy: true })
    ids = await demoIds(served.db)
  })
  afterAll(async () => {
    await served?.close()
    await behindProxy?.close()
  })

  it('answers every personal API request with Cache-Control: no-store', async () => {
    const manager = await served.signIn('manager@demo.local')
    const attachmentId = randomUUID()
    const chunk = new URLSearchParams({
      offset: '0',
      size: String(photo.length),
      name: 'visit.jpg',
      type: 'image/jpeg',
    })
    const [closedSurvey] = await served.db.query<{ id: string }>(
      'select id from surveys where closes_on < current_date limit 1',
    )
    const requests: [string, string, RequestInit][] = [
      ['session', '/api/auth/session', { headers: { cookie: manager } }],
      ['pull', '/api/sync/pull?since=0', { headers: { cookie: manager } }],
      [
        'push',
        '/api/sync/push',
        {
          method: 'POST',
          headers: json(manager),
          body: JSON.stringify({ mutations: [change('progress.post', progress(ids.action('K9')))] }),
        },
      ],
      ['answered surveys', '/api/surveys/answered', { headers: { cookie: manager } }],
      ['survey results', `/api/surveys/${closedSurvey!.id}/results`, { headers: { cookie: manager } }],
      [
        'upload',
        `/api/attachments/${attachmentId}/chunks?${chunk}`,
        {
          method: 'PUT',
          headers: { cookie: manager, 'content-type': 'application/octet-stream' },
          body: new Uint8Array(photo),
        },
      ],
      ['upload status', `/api/attachments/${attachmentId}/status`, { headers: { cookie: manager } }],
      ['attachment', `/api/attachments/${attachmentId}`, { headers: { cookie: manager } }],
      ['health', '/api/health', {}],
      ['signed out', '/api/sync/pull?since=0', {}],
      ['unknown address', '/api/nothing-here', { headers: { cookie: manager } }],
      ['sign-out', '/api/auth/sign-out', { method: 'POST', headers: { cookie: manager } }],
    ]
    for (const [what, path, init] of requests) {
      const response = await fetch(`${served.origin}${path}`, init)
      expect({ what, status: response.status < 500, cacheControl: response.headers.get('cache-control') }).toEqual({
        what,
        status: true,
        cacheControl: 'no-store',
      })
    }
    const signIn = await fetch(`${served.origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.local', password: demoPassword }),
    })
    expect(signIn.status).toBe(200)
    expect(signIn.headers.get('cache-control')).toBe('no-store')
  })

  it('sends Strict-Transport-Security only over HTTPS, which behind a proxy means X-Forwarded-Proto when TRUST_PROXY is set', async () => {
    const hsts = async (target: Served, headers: Record<string, string> = {}) =>
      (await fetch(`${target.origin}/api/health`, { headers })).headers.get('strict-transport-security')
    expect(await hsts(served)).toBeNull()
    expect(await hsts(served, { 'x-forwarded-proto': 'https' })).toBeNull()
    expect(await hsts(behindProxy)).toBeNull()
    expect(await hsts(behindProxy, { 'x-forwarded-proto': 'https' })).toMatch(/^max-age=\d+; includeSubDomains$/)
  })

  const expectJsonError = (
    response: { status: number; headers: Record<string, string>; body: string },
    status: number,
    code: string,
  ) => {
    expect(response.status).toBe(status)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    const body = JSON.parse(response.body) as { error: { code: string; message: string } }
    expect(body.error.code).toBe(code)
    expect(body.error.message).toMatch(/\.$/)
  }

  it('answers an address longer than Node will parse with 414 in the JSON error shape', async () => {
    const response = await rawRequest(
      served.port,
      `GET /api/sync/pull?since=0&pad=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    )
    expectJsonError(response, 414, 'uri_too_long')
  })

  it('answers a path parameter longer than any id with 414 in the JSON error shape', async () => {
    const response = await rawRequest(
      served.port,
      `GET /api/surveys/${'a'.repeat(300)}/results HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
    )
    expectJsonError(response, 414, 'uri_too_long')
  })

  it('answers headers larger than Node will parse with 431 in the JSON error shape', async () => {
    const response = await rawRequest(
      served.port,
      `GET /api/health HTTP/1.1\r\nHost: localhost\r\nCookie: gt_session=${'y'.repeat(40_000)}\r\n\r\n`,
    )
    expectJsonError(response, 431, 'headers_too_large')
  })

  it('answers a request Node cannot parse with 400 in the JSON error shape', async () => {
    const response = await rawRequest(
      served.port,
      'GET /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: twelve\r\n\r\n',
    )
    expectJsonError(response, 400, 'bad_request')
  })
})
