import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app'
import type { Database } from '../../src/server/db/database'
import { backends, freshDatabase } from '../support/databases'

describe.each(backends)('health on %s', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await freshDatabase(backend)
  })
  afterAll(() => db.close())

  it('reports the database it runs on', async () => {
    const app = await buildApp({ db })
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: backend })
    await app.close()
  })
})
