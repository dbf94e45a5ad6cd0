import 'fake-indexeddb/auto'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { localDb } from '../../src/client/db/database'
import { readMeta } from '../../src/client/db/meta'
import { clearLocalData } from '../../src/client/db/reset'
import { pullAll } from '../../src/client/sync/pull'
import { useSessionStore } from '../../src/client/features/session/store'
import { useSyncStore } from '../../src/client/sync/store'
import { demoPassword } from '../../src/server/demo/people'
import { pullChanges } from '../../src/server/db/pull'
import { adminReader } from '../support/pull-reader'
import { startApp, type RunningApp } from '../support/app-server'
import { deviceFetch } from '../support/device-fetch'
import { backends, freshDatabase } from '../support/databases'
import { addOtherOrganisation, otherAccount } from '../support/other-organisation'
import { afcDemoCounts } from '../support/server-fixture'

// The client's sync code, in Node with fake-indexeddb, against the real server over real HTTP.
describe.each(backends)('a device syncing with the server on %s', (backend) => {
  let app: RunningApp
  let device: ReturnType<typeof deviceFetch>

  beforeAll(async () => {
    app = await startApp({ db: await freshDatabase(backend) })
    const other = await addOtherOrganisation(app.db, 'viewer')
    // A viewer reads approved plans only: drafts reach plan admins' devices alone.
    await app.db.query("update plans set status = 'approved' where org_id = $1", [other.orgId])
  })
  afterAll(() => app.stop())

  beforeEach(async () => {
    await clearLocalData(localDb)
    setActivePinia(createPinia())
    device = deviceFetch(app.origin)
    vi.stubGlobal('fetch', device.fetch)
  })

  it('signs in, pulls the whole plan into IndexedDB and remembers the session', async () => {
    await useSessionStore().signIn('practitioner@demo.local', demoPassword)
    expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
    expect(await localDb.themes.count()).toBe(afcDemoCounts.themes)
    expect(await localDb.values.count()).toBe(3)
    expect((await readMeta(localDb, 'session'))?.person.name).toBe('Alex Morgan (demo)')
    expect(await readMeta(localDb, 'checkpoint')).toBeGreaterThan(0)
    expect(useSyncStore().lastSyncedAt).toBeDefined()
    expect(useSyncStore().online).toBe(true)
  })

  it('pulls in pages, and a second pull with nothing new transfers almost nothing', async () => {
    await useSessionStore().signIn('practitioner@demo.local', demoPassword)
    await clearLocalData(localDb)
    const [org] = await app.db.query<{ id: string }>("select id from organisations where short_name = 'AfC'")
    const everything = (await pullChanges(app.db, adminReader(org!.id), { since: 0, limit: 5000 })).changes.length
    const before = device.traffic()
    expect(await pullAll(localDb, 20)).toBe(everything)
    const first = device.traffic()
    expect(first.requests - before.requests).toBe(Math.ceil(everything / 20))
    expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
    expect(await pullAll(localDb)).toBe(0)
    const second = device.traffic()
    expect(second.requests - first.requests).toBe(1)
    expect(second.bytes - first.bytes).toBeLessThan(100)
  })

  it('resumes a pull cut off half way without losing or repeating anything', async () => {
    await useSessionStore().signIn('practitioner@demo.local', demoPassword)
    await clearLocalData(localDb)
    let calls = 0
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      if (++calls === 3) throw new TypeError('Failed to fetch')
      return device.fetch(input, init)
    })
    await expect(pullAll(localDb, 20)).rejects.toThrow()
    expect(await localDb.actions.count()).toBeLessThan(afcDemoCounts.actions)
    const halfway = await readMeta(localDb, 'checkpoint')
    expect(halfway).toBeGreaterThan(0)
    await pullAll(localDb, 20)
    expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
    const [people] = await app.db.query<{ n: number }>(
      "select count(*)::int as n from people p join organisations o on o.id = p.org_id where o.short_name = 'AfC'",
    )
    expect(await localDb.people.count()).toBe(people!.n)
  })

  it("clears the previous person's data when someone from elsewhere signs in on the same device", async () => {
    await useSessionStore().signIn('practitioner@demo.local', demoPassword)
    expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
    await useSessionStore().signIn(otherAccount.email, otherAccount.password)
    const codes = (await localDb.actions.toArray()).map((a) => a.code)
    expect(codes).toEqual(['O1'])
    expect(await localDb.organisations.count()).toBe(1)
  })

  it('signs out: ends the session on the server and removes the local data', async () => {
    const session = useSessionStore()
    await session.signIn('manager@demo.local', demoPassword)
    await session.signOut()
    expect(session.signedIn).toBe(false)
    expect(device.hasSession()).toBe(false)
    for (const table of localDb.tables) expect(await table.count(), table.name).toBe(0)
  })

  it('still signs out, locally, with no connection', async () => {
    const session = useSessionStore()
    await session.signIn('manager@demo.local', demoPassword)
    await app.goOffline()
    try {
      await session.signOut()
      expect(await localDb.actions.count()).toBe(0)
      expect(await readMeta(localDb, 'session')).toBeUndefined()
    } finally {
      await app.goOnline()
    }
  })

  it('reports offline when the server cannot be reached, and a lapsed session without losing data', async () => {
    const sync = useSyncStore()
    await useSessionStore().signIn('practitioner@demo.local', demoPassword)
    await app.goOffline()
    try {
      await sync.syncNow()
      expect(sync.online).toBe(false)
    } finally {
      await app.goOnline()
    }
    await app.db.query('delete from sessions')
    await sync.syncNow()
    expect(sync.signedOutOnServer).toBe(true)
    expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
  })
})
