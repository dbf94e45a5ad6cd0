import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { entitySchemas, type EntityType } from '../../src/shared/entities'
import type { PullResponse } from '../../src/shared/sync/protocol'
import { reserveVersions } from '../../src/server/db/versions'
import { addOtherOrganisation, otherAccount } from '../support/other-organisation'

async function pull(server: ServerFixture, cookie: string, query = ''): Promise<PullResponse & { bytes: number }> {
  const response = await server.app.inject({ method: 'GET', url: `/api/sync/pull${query}`, headers: { cookie } })
  expect(response.statusCode, response.body).toBe(200)
  return { ...response.json(), bytes: response.rawPayload.length }
}

describe.each(backends)('pull on %s', (backend) => {
  let server: ServerFixture
  let cookie: string
  beforeAll(async () => {
    server = await demoServer(backend)
    cookie = await server.signIn('practitioner@demo.local')
  })
  afterAll(() => server.close())

  it('refuses anyone not signed in', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/sync/pull' })
    expect(response.statusCode).toBe(401)
  })

  it('sends both of the organisation’s demo plans, every record valid against the shared schemas', async () => {
    const first = await pull(server, cookie)
    expect(first.hasMore).toBe(false)
    const counts: Partial<Record<EntityType, number>> = {}
    for (const change of first.changes) {
      expect(change.op).toBe('put')
      if (change.op !== 'put') continue
      entitySchemas[change.type].parse(change.data)
      counts[change.type] = (counts[change.type] ?? 0) + 1
    }
    // The 2019 framework (4 themes, 40 priorities) and the 2020/24 plan (6 themes, 47 projects, 5 measures, 6 sections each).
    expect(counts).toMatchObject({
      organisation: 1,
      value: 3,
      area: 4,
      outcome: 1,
      plan: 2,
      theme: 10,
      action: 87,
      measure: 5,
      section: 12,
      team: 10,
    })
    expect(counts.person).toBeGreaterThanOrEqual(8)
    const versions = first.changes.map((c) => c.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(first.checkpoint).toBe(versions.at(-1))
  })

  it('never sends sign-in details', async () => {
    const { changes } = await pull(server, cookie)
    const text = JSON.stringify(changes)
    expect(text).not.toMatch(/argon2|password|@demo\.local|token/i)
  })

  it('pages through with a limit and ends at the same checkpoint', async () => {
    const all = await pull(server, cookie)
    let since = 0
    const seen: number[] = []
    for (let page = 0; page < 100; page++) {
      const next = await pull(server, cookie, `?since=${since}&limit=10`)
      seen.push(...next.changes.map((c) => c.version))
      expect(next.changes.length).toBeLessThanOrEqual(10)
      since = next.checkpoint
      if (!next.hasMore) break
    }
    expect(seen).toEqual(all.changes.map((c) => c.version))
    expect(since).toBe(all.checkpoint)
  })

  it('sends almost nothing when nothing has changed', async () => {
    const all = await pull(server, cookie)
    const again = await pull(server, cookie, `?since=${all.checkpoint}`)
    expect(again.changes).toEqual([])
    expect(again.checkpoint).toBe(all.checkpoint)
    expect(again.bytes).toBeLessThan(100)
  })

  it('sends later changes and deletions after the checkpoint, and only those', async () => {
    const { checkpoint } = await pull(server, cookie)
    const [org] = await server.db.query<{ id: string }>("select id from organisations where short_name = 'AfC'")
    const [action] = await server.db.query<{ id: string }>("select id from actions where org_id = $1 and code = 'K9'", [
      org!.id,
    ])
    await server.db.transaction(async (tx) => {
      const version = await reserveVersions(tx, org!.id, 2)
      await tx.query(`update actions set status = 'on-track', version = $2 where id = $1`, [action!.id, version])
      const value = await tx.query<{ id: string }>(`select id from org_values where org_id = $1 and name = 'Empower'`, [
        org!.id,
      ])
      await tx.query('delete from org_values where id = $1', [value[0]!.id])
      await tx.query(`insert into tombstones (org_id, entity_type, entity_id, version) values ($1, 'value', $2, $3)`, [
        org!.id,
        value[0]!.id,
        version + 1,
      ])
    })
    const next = await pull(server, cookie, `?since=${checkpoint}`)
    expect(next.changes).toHaveLength(2)
    expect(next.changes[0]).toMatchObject({ type: 'action', op: 'put', data: { code: 'K9', status: 'on-track' } })
    expect(next.changes[1]).toMatchObject({ type: 'value', op: 'delete' })
  })

  it('shows each person only their own organisation', async () => {
    await addOtherOrganisation(server.db)
    const mine = await pull(server, cookie)
    expect(JSON.stringify(mine.changes)).not.toContain('Secret')
    const theirs = await pull(server, await server.signIn(otherAccount.email, otherAccount.password))
    expect(theirs.changes.filter((c) => c.type === 'action')).toHaveLength(1)
    expect(JSON.stringify(theirs.changes)).not.toContain('Achieving for Children')
  })

  it.each(['?since=-1', '?since=abc', '?limit=0', '?limit=999999'])(
    'refuses a bad query %s with 400',
    async (query) => {
      const response = await server.app.inject({ method: 'GET', url: `/api/sync/pull${query}`, headers: { cookie } })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.message).toMatch(/not valid/)
    },
  )
})
