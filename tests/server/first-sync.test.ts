import 'fake-indexeddb/auto'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { localDb } from '../../src/client/db/database'
import { readPullPosition } from '../../src/client/db/apply-pull'
import { clearLocalData } from '../../src/client/db/reset'
import { pullAll } from '../../src/client/sync/pull'
import { useSessionStore } from '../../src/client/features/session/store'
import { demoPassword } from '../../src/server/demo/people'
import { pullChanges } from '../../src/server/db/pull'
import { adminReader } from '../support/pull-reader'
import { reserveVersions } from '../../src/server/db/versions'
import { isEssential } from '../../src/shared/sync/essentials'
import type { Change, PullResponse } from '../../src/shared/sync/protocol'
import { startApp, type RunningApp } from '../support/app-server'
import { deviceFetch } from '../support/device-fetch'
import { backends, freshDatabase } from '../support/databases'
import { afcDemoCounts } from '../support/server-fixture'

// A first sync: the essential records first, then the rest, with a checkpoint that is
// true at every page, over real HTTP on both databases.
describe.each(backends)('a first sync, essential records first, on %s', (backend) => {
  let app: RunningApp
  let orgId: string
  let cookie: string

  const get = async (query: string): Promise<PullResponse> => {
    const response = await fetch(`${app.origin}/api/sync/pull?${query}`, { headers: { cookie } })
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as PullResponse
  }
  /** Every page of a first sync of `limit` changes, as the device asks for them. */
  const firstSyncPages = async (limit: number) => {
    const pages: { since: number; page: PullResponse }[] = []
    let since = 0
    let essentials = { checkpoint: 0, complete: false }
    for (let i = 0; i < 1000; i++) {
      const query = `since=${since}&limit=${limit}&essentialsSince=${essentials.checkpoint}${essentials.complete ? '' : '&essentialsFirst=true'}`
      const page = await get(query)
      pages.push({ since, page })
      since = page.checkpoint
      essentials = page.essentials ?? essentials
      if (!page.hasMore) return pages
    }
    throw new Error('The first sync did not end')
  }

  beforeAll(async () => {
    app = await startApp({ db: await freshDatabase(backend) })
    const [org] = await app.db.query<{ id: string }>("select id from organisations where short_name = 'AfC'")
    orgId = org!.id
    const response = await fetch(`${app.origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.origin },
      body: JSON.stringify({ email: 'practitioner@demo.local', password: demoPassword }),
    })
    cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0]!)
      .find((pair) => pair.startsWith('gt_session='))!
  })
  afterAll(() => app.stop())

  it('sends every essential record before any other, every change once, and a checkpoint true at every page', async () => {
    const all = (await pullChanges(app.db, adminReader(orgId), { since: 0, limit: 5000 })).changes
    expect(all.some((change) => !isEssential(change.type))).toBe(true)
    const pages = await firstSyncPages(25)
    const delivered: Change[] = []
    for (const { page } of pages) {
      expect(page.changes.length).toBeLessThanOrEqual(25)
      delivered.push(...page.changes)
      // Everything the full pull has up to the checkpoint has come by now.
      const had = new Set(delivered.map((change) => change.version))
      expect(all.filter((change) => change.version <= page.checkpoint && !had.has(change.version))).toEqual([])
    }
    const firstOther = delivered.findIndex((change) => !isEssential(change.type))
    expect(delivered.slice(firstOther).filter((change) => isEssential(change.type))).toEqual([])
    expect(delivered.map((change) => change.version).sort((a, b) => a - b)).toEqual(all.map((change) => change.version))
    // Full pages until the last: no more requests than an ordinary pull.
    expect(pages.length).toBe(Math.ceil(all.length / 25))
    expect(pages.at(-1)!.page.checkpoint).toBe(all.at(-1)!.version)
  })

  it('brings an essential record changed during the sync, after the rest of its kind', async () => {
    const first = await get('since=0&limit=20&essentialsSince=0&essentialsFirst=true')
    const sent = first.changes.find((change) => change.type === 'action')!
    const [version] = await app.db.transaction(async (tx) => {
      const reserved = await reserveVersions(tx, orgId, 1)
      await tx.query(`update actions set status = 'at-risk', version = $2 where id = $1`, [
        sent.op === 'put' ? sent.data.id : sent.id,
        reserved,
      ])
      return [reserved]
    })
    const pages = await firstSyncPages(50)
    const changed = pages.flatMap(({ page }) => page.changes).filter((change) => change.version === version)
    expect(changed).toMatchObject([{ type: 'action', op: 'put', data: { status: 'at-risk' } }])
  })

  it.each(['essentialsFirst=maybe', 'essentialsSince=-1'])('refuses a bad query %s with 400', async (query) => {
    const response = await fetch(`${app.origin}/api/sync/pull?${query}`, { headers: { cookie } })
    expect(response.status).toBe(400)
  })

  describe('on the device', () => {
    let device: ReturnType<typeof deviceFetch>
    let essentialCount: number

    beforeEach(async () => {
      await clearLocalData(localDb)
      setActivePinia(createPinia())
      device = deviceFetch(app.origin)
      vi.stubGlobal('fetch', device.fetch)
      await useSessionStore().signIn('practitioner@demo.local', demoPassword)
      await clearLocalData(localDb)
      const all = (await pullChanges(app.db, adminReader(orgId), { since: 0, limit: 5000 })).changes
      essentialCount = all.filter((change) => isEssential(change.type)).length
    })
    afterAll(() => vi.unstubAllGlobals())

    it('has the whole plan and its people once the first page is written, and resumes from there when cut off', async () => {
      let calls = 0
      vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
        if (++calls === 2) throw new TypeError('Failed to fetch')
        return device.fetch(input, init)
      })
      // The first page holds every essential record and a few others.
      await expect(pullAll(localDb, essentialCount + 5)).rejects.toThrow()
      expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
      const people = await app.db.query<{ n: number }>('select count(*)::int as n from people where org_id = $1', [
        orgId,
      ])
      expect(await localDb.people.count()).toBe(people[0]!.n)
      expect(await localDb.milestones.count()).toBeLessThanOrEqual(5)
      expect((await readPullPosition(localDb)).checkpoint).toBeGreaterThan(0)

      vi.stubGlobal('fetch', device.fetch)
      await pullAll(localDb, essentialCount + 5)
      const milestones = await app.db.query<{ n: number }>(
        'select count(*)::int as n from milestones where org_id = $1',
        [orgId],
      )
      expect(await localDb.milestones.count()).toBe(milestones[0]!.n)
      const done = await readPullPosition(localDb)
      expect(done.essentials).toBeUndefined()
      expect(done.checkpoint).toBe(
        (await pullChanges(app.db, adminReader(orgId), { since: 0, limit: 5000 })).checkpoint,
      )
      const before = device.traffic()
      expect(await pullAll(localDb)).toBe(0)
      expect(device.traffic().requests - before.requests).toBe(1)
    })

    it('resumes a first sync cut off among the essential records without losing or repeating anything', async () => {
      let calls = 0
      vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
        if (++calls === 3) throw new TypeError('Failed to fetch')
        return device.fetch(input, init)
      })
      await expect(pullAll(localDb, 10)).rejects.toThrow()
      expect((await readPullPosition(localDb)).essentials).toEqual({ checkpoint: expect.any(Number), complete: false })
      expect(await localDb.milestones.count()).toBe(0)
      vi.stubGlobal('fetch', device.fetch)
      const all = (await pullChanges(app.db, adminReader(orgId), { since: 0, limit: 5000 })).changes.length
      expect((await pullAll(localDb, 10)) + 20).toBe(all)
      expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
    })
  })
})
