import 'fake-indexeddb/auto'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { localDb } from '../../src/client/db/database'
import { clearLocalData } from '../../src/client/db/reset'
import { queueChange } from '../../src/client/sync/outbox'
import { useSessionStore } from '../../src/client/features/session/store'
import { useSyncStore } from '../../src/client/sync/store'
import { demoPassword } from '../../src/server/demo/people'
import { startApp, type RunningApp } from '../support/app-server'
import { deviceFetch } from '../support/device-fetch'
import { backends, freshDatabase } from '../support/databases'

// What the sync store tells the header: how many changes a sync sent, and when it could not reach the server.
describe.each(backends)('the sync store against the server on %s', (backend) => {
  let app: RunningApp

  beforeAll(async () => {
    app = await startApp({ db: await freshDatabase(backend) })
  })
  afterAll(() => app.stop())

  beforeEach(async () => {
    await clearLocalData(localDb)
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', deviceFetch(app.origin).fetch)
  })

  async function queueNotes(count: number) {
    const session = useSessionStore().session!
    const action = await localDb.actions.filter((a) => a.code === 'K9').first()
    for (let n = 0; n < count; n += 1) {
      await queueChange(localDb, session.person.id, {
        kind: 'evidence.add',
        data: { id: crypto.randomUUID(), actionId: action!.id, milestoneId: null, note: `Note ${n}`, attachments: [] },
      })
    }
  }

  it('says how many changes a sync sent, and forgets it once the server cannot be reached', async () => {
    const sync = useSyncStore()
    await useSessionStore().signIn('practitioner@demo.local', demoPassword)
    expect(sync.sent).toBeUndefined()

    await app.goOffline()
    try {
      await queueNotes(2)
      expect(await sync.syncNow()).toBe(0)
      expect(sync.online).toBe(false)
      expect(sync.sent).toBeUndefined()
    } finally {
      await app.goOnline()
    }

    expect(await sync.syncNow()).toBe(2)
    expect(sync.sent).toBe(2)
    expect(sync.online).toBe(true)
    // A sync with nothing to send leaves the last word standing…
    expect(await sync.syncNow()).toBe(0)
    expect(sync.sent).toBe(2)

    // …until one fails to reach the server.
    await app.goOffline()
    try {
      await sync.syncNow()
      expect(sync.sent).toBeUndefined()
    } finally {
      await app.goOnline()
    }
  })
})
