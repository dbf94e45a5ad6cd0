import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import type { Database } from '../../src/server/db/database'
import { seedDemo } from '../../src/server/demo/seed'
import { demoPassword } from '../../src/server/demo/people'
import { freshDatabase } from '../support/databases'

// Headers and routing do not depend on the database, so PGlite alone serves here.
describe('security headers, Origin checks and static files', () => {
  let db: Database
  let app: FastifyInstance
  let staticDir: string
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'gt-static-'))
    mkdirSync(join(staticDir, 'assets'))
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Golden Thread</title>')
    writeFileSync(join(staticDir, 'sw.js'), '// service worker')
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)')
    db = await freshDatabase('pglite')
    await seedDemo(db)
    app = await buildApp({ db, staticDir })
  })
  afterAll(async () => {
    await app.close()
    await db.close()
    rmSync(staticDir, { recursive: true, force: true })
  })

  it('sends a strict Content-Security-Policy and the usual headers on pages and the API', async () => {
    for (const url of ['/', '/api/health']) {
      const response = await app.inject({ method: 'GET', url })
      const csp = String(response.headers['content-security-policy'])
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).not.toContain('unsafe-eval')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['referrer-policy']).toBe('no-referrer')
      // Over plain HTTP: HSTS goes only with HTTPS (logs-and-caches.test.ts).
      expect(response.headers['strict-transport-security']).toBeUndefined()
    }
  })

  it('refuses a state-changing request from another origin and writes nothing', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'practitioner@demo.local', password: demoPassword },
      headers: { origin: 'https://evil.example', host: 'localhost:8080' },
    })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.message).toMatch(/another site/)
    expect(response.cookies).toHaveLength(0)
    const sessions = await db.query<{ n: number }>('select count(*)::int as n from sessions')
    expect(sessions[0]!.n).toBe(0)
  })

  it('accepts the same request from its own origin', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'practitioner@demo.local', password: demoPassword },
      headers: { origin: 'http://localhost:8080', host: 'localhost:8080' },
    })
    expect(response.statusCode).toBe(200)
  })

  it('serves app routes with index.html that is always revalidated', async () => {
    const response = await app.inject({ method: 'GET', url: '/plan/actions/123?x=1' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/text\/html/)
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it('caches hashed assets for a year and the service worker not at all', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' })
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const worker = await app.inject({ method: 'GET', url: '/sw.js' })
    expect(worker.headers['cache-control']).toBe('no-cache')
  })

  it('answers a missing file with a real 404, never the app shell', async () => {
    for (const url of ['/assets/index-gone.js', '/missing.css', '/api/nothing-here']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(404)
      expect(response.headers['content-type']).toMatch(/application\/json/)
      expect(response.json().error.code).toBe('not_found')
    }
  })
})
