import 'fake-indexeddb/auto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { localDb } from '../../src/client/db/database'
import { clearLocalData } from '../../src/client/db/reset'
import { useSessionStore } from '../../src/client/features/session/store'
import { ServerFailed, Unreachable } from '../../src/client/sync/api'
import { queueChange, retryChange } from '../../src/client/sync/outbox'
import type { OutboxEntry } from '../../src/client/sync/outbox-types'
import { aloneTries, batchTries, pushAll, serverFailedReason } from '../../src/client/sync/push'
import { demoPassword } from '../../src/server/demo/people'
import { startApp, type RunningApp } from '../support/app-server'
import { deviceFetch } from '../support/device-fetch'
import { backends, freshDatabase } from '../support/databases'
import { count } from '../support/push-fixture'

const poisonMark = 'POISON'

/** A real PostgreSQL failure for one value: a trigger that raises on a progress update carrying the mark. */
const poisonSql = `
  create or replace function test_poison() returns trigger language plpgsql as $$
  begin
    if new.commentary like '%${poisonMark}%' then raise exception 'poisoned for a test'; end if;
    return new;
  end $$;
  create trigger test_poison before insert on progress_updates for each row execute function test_poison();`
/** The server up but failing on every push, as with a bad deploy: every claim of a mutation id raises. */
const brokenSql = `
  create or replace function test_broken() returns trigger language plpgsql as $$
  begin raise exception 'broken for a test'; end $$;
  create trigger test_broken before insert on applied_mutations for each row execute function test_broken();`

const dataIdOf = (entry: OutboxEntry) => (entry.mutation.data as { id: string }).id

/** Calls pushAll until it resolves, as the sync store's backoff would; returns how often it failed, and how. */
async function pushUntilDone(limit = 20): Promise<{ failures: unknown[] }> {
  const failures: unknown[] = []
  for (let i = 0; i < limit; i++) {
    try {
      await pushAll(localDb)
      return { failures }
    } catch (error) {
      failures.push(error)
    }
  }
  throw new Error(`pushAll still failing after ${limit} tries`)
}

// The client's push loop, in Node with fake-indexeddb, against the real server over real HTTP.
describe.each(backends)('a device pushing to a server that fails on one change, on %s', (backend) => {
  let app: RunningApp
  let personId: string
  let k9: string

  const post = (commentary: string) =>
    queueChange(localDb, personId, {
      kind: 'progress.post',
      data: { id: crypto.randomUUID(), actionId: k9, rag: 'green', commentary, setsStatus: false },
    })
  const onServer = async (dataId: string) =>
    count(app.db, 'select count(*) as n from progress_updates where id = $1', [dataId])

  beforeAll(async () => {
    app = await startApp({ db: await freshDatabase(backend) })
  })
  afterAll(() => app.stop())

  beforeEach(async () => {
    await clearLocalData(localDb)
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', deviceFetch(app.origin).fetch)
    await useSessionStore().signIn('manager@demo.local', demoPassword)
    personId = useSessionStore().session!.person.id
    k9 = (await localDb.actions.where('code').equals('K9').first())!.id
  })
  afterEach(async () => {
    vi.unstubAllGlobals()
    await app.db.exec(
      'drop trigger if exists test_poison on progress_updates; drop trigger if exists test_broken on applied_mutations',
    )
  })

  it('sends the changes one by one after a few failed tries, and sets aside, with a reason, the one the server cannot process', async () => {
    await app.db.exec(poisonSql)
    const first = await post('Visits are going to plan this quarter.')
    const poisoned = await post(`A commentary the server fails on: ${poisonMark}.`)
    const later = [await post('Transition plans are being written.'), await post('The panel met twice this month.')]

    const { failures } = await pushUntilDone()
    // Three tries of the batch, then the poisoned change alone until it has failed three more times.
    expect(failures).toHaveLength(batchTries + aloneTries - 1)
    for (const failure of failures) expect(failure).toBeInstanceOf(ServerFailed)

    for (const entry of [first, ...later]) expect(await onServer(dataIdOf(entry))).toBe(1)
    expect(await onServer(dataIdOf(poisoned))).toBe(0)
    expect(await count(app.db, 'select count(*) as n from applied_mutations where id = $1', [poisoned.id])).toBe(0)
    const left = await localDb.outbox.toArray()
    expect(left).toEqual([expect.objectContaining({ id: poisoned.id, state: 'refused', reason: serverFailedReason })])

    // Once the server is mended, Retry sends it.
    await app.db.exec('drop trigger test_poison on progress_updates')
    await retryChange(localDb, left[0]!.seq!)
    expect(await pushAll(localDb)).toBe(1)
    expect(await localDb.outbox.count()).toBe(0)
    expect(await onServer(dataIdOf(poisoned))).toBe(1)
  })

  it('sets nothing aside while the server fails on every change', async () => {
    const entries = [
      await post('Visits are going to plan this quarter.'),
      await post('Transition plans are being written.'),
    ]
    await app.db.exec(brokenSql)
    for (let i = 0; i < 3 * (batchTries + aloneTries); i++)
      await expect(pushAll(localDb)).rejects.toBeInstanceOf(ServerFailed)
    expect((await localDb.outbox.toArray()).map((e) => e.state)).toEqual(['waiting', 'waiting'])

    await app.db.exec('drop trigger test_broken on applied_mutations')
    await pushUntilDone()
    expect(await localDb.outbox.count()).toBe(0)
    for (const entry of entries) expect(await onServer(dataIdOf(entry))).toBe(1)
  })

  it('never counts a network error against a change', async () => {
    const entries = [
      await post('Visits are going to plan this quarter.'),
      await post(`Would fail on the server: ${poisonMark}.`),
    ]
    await app.goOffline()
    try {
      for (let i = 0; i < 2 * (batchTries + aloneTries); i++) {
        const failure = await pushAll(localDb).catch((error: unknown) => error)
        expect(failure).toBeInstanceOf(Unreachable)
        expect(failure).not.toBeInstanceOf(ServerFailed)
      }
    } finally {
      await app.goOnline()
    }
    expect((await localDb.outbox.toArray()).map((e) => [e.state, e.attempts])).toEqual([
      ['waiting', 0],
      ['waiting', 0],
    ])
    await pushUntilDone()
    for (const entry of entries) expect(await onServer(dataIdOf(entry))).toBe(1)
  })
})
