import { beforeEach, describe, expect, it } from 'vitest'
import type { HistoryEntry, ProgressUpdate } from '../../shared/entities'
import type { Change } from '../../shared/sync/protocol'
import { actions, milestones, person } from '../../../tests/support/plan-records'
import { localDb, noActionKey } from './database'
import { applyPullPage } from './apply-pull'
import { historyByPerson, historyOfAction, historyOfEntities, updatesOfAction } from './grouped'
import { clearLocalData } from './reset'
import { discardChange, queueChange } from '../sync/outbox'

const k2 = actions.find((a) => a.code === 'K2')!
const other = actions.find((a) => a.id !== k2.id)!
const milestone = milestones.find((m) => m.actionId === k2.id)!
const someoneElse = crypto.randomUUID()

const update = (version: number, actionId: string, rag: ProgressUpdate['rag'] = 'green'): ProgressUpdate => ({
  id: crypto.randomUUID(),
  version,
  actionId,
  period: '2026-Q4',
  rag,
  commentary: `Update ${version}`,
  authorId: person.id,
  madeAt: new Date(Date.UTC(2026, 10, version)).toISOString(),
  receivedAt: new Date(Date.UTC(2026, 10, version)).toISOString(),
})

const entry = (version: number, actionId: string | null, entityId: string, personId: string): HistoryEntry => ({
  id: crypto.randomUUID(),
  version,
  actionId,
  entityType: actionId === entityId ? 'action' : 'milestone',
  entityId,
  change: 'status.set',
  details: { status: 'complete' },
  personId,
  deviceId: 'test',
  mutationId: crypto.randomUUID(),
  madeAt: new Date(Date.UTC(2026, 10, version)).toISOString(),
  receivedAt: new Date(Date.UTC(2026, 10, version)).toISOString(),
  outcome: 'applied',
})

const puts = (type: Change['type'], records: { version: number }[]) =>
  records.map((data) => ({ type, op: 'put', version: data.version, data: { ...data } }) as Change)

const ids = (records: { id: string }[]) => records.map((r) => r.id).sort()

describe('history and progress updates grouped by action', () => {
  beforeEach(() => clearLocalData(localDb))

  it('keeps one row per action, and a page written twice changes nothing', async () => {
    const updates = [update(1, k2.id), update(2, k2.id), update(3, other.id)]
    const history = [
      entry(4, k2.id, k2.id, person.id),
      entry(5, k2.id, milestone.id, someoneElse),
      entry(6, null, person.id, person.id),
    ]
    const page = {
      changes: [...puts('progressUpdate', updates), ...puts('history', history)],
      checkpoint: 6,
      hasMore: false,
    }
    await applyPullPage(localDb, page)
    await applyPullPage(localDb, page)
    expect(await localDb.updatesByAction.count()).toBe(2)
    expect(await localDb.historyByAction.count()).toBe(2)
    expect(ids(await updatesOfAction(localDb, k2.id))).toEqual(ids(updates.slice(0, 2)))
    expect(ids(await historyOfAction(localDb, k2.id))).toEqual(ids(history.slice(0, 2)))
    expect(ids(await historyOfAction(localDb, noActionKey))).toEqual(ids(history.slice(2)))
    expect(ids(await historyByPerson(localDb, person.id))).toEqual(ids([history[0]!, history[2]!]))
    expect(ids(await historyOfEntities(localDb, [k2.id, milestone.id]))).toEqual(ids(history.slice(0, 2)))
  })

  it('merges a later page into the rows already there, replacing a record by id, and removes deleted ones', async () => {
    const first = update(1, k2.id, 'red')
    const second = update(2, k2.id)
    const gone = entry(3, k2.id, k2.id, person.id)
    await applyPullPage(localDb, {
      changes: [...puts('progressUpdate', [first, second]), ...puts('history', [gone])],
      checkpoint: 3,
      hasMore: false,
    })
    const amended: ProgressUpdate = { ...first, version: 4, rag: 'amber' }
    await applyPullPage(localDb, {
      changes: [...puts('progressUpdate', [amended]), { type: 'history', op: 'delete', version: 5, id: gone.id }],
      checkpoint: 5,
      hasMore: false,
    })
    const stored = await updatesOfAction(localDb, k2.id)
    expect(stored).toHaveLength(2)
    expect(stored.find((u) => u.id === first.id)?.rag).toBe('amber')
    expect(await historyOfAction(localDb, k2.id)).toEqual([])
    expect(await localDb.historyByAction.count()).toBe(0)
    expect(await historyByPerson(localDb, person.id)).toEqual([])
  })

  it('shows an update made offline beside the pulled ones, and forgets it when discarded', async () => {
    const pulled = update(1, k2.id)
    await applyPullPage(localDb, { changes: puts('progressUpdate', [pulled]), checkpoint: 1, hasMore: false })
    const mine = await queueChange(localDb, person.id, {
      kind: 'progress.post',
      data: {
        id: crypto.randomUUID(),
        actionId: k2.id,
        rag: 'amber',
        commentary: 'Waiting on the CCG.',
        setsStatus: false,
      },
    })
    expect((await updatesOfAction(localDb, k2.id)).map((u) => u.rag).sort()).toEqual(['amber', 'green'])
    // A pull of something else keeps the waiting update on screen.
    await applyPullPage(localDb, {
      changes: puts('progressUpdate', [update(2, other.id)]),
      checkpoint: 2,
      hasMore: false,
    })
    expect(await updatesOfAction(localDb, k2.id)).toHaveLength(2)
    const { seq } = (await localDb.outbox.where('id').equals(mine.id).first())!
    await discardChange(localDb, seq!)
    expect(ids(await updatesOfAction(localDb, k2.id))).toEqual([pulled.id])
  })

  it('replaces the device’s own copy of an update with the server’s when a pull brings it', async () => {
    const mine = await queueChange(localDb, person.id, {
      kind: 'progress.post',
      data: {
        id: crypto.randomUUID(),
        actionId: k2.id,
        rag: 'amber',
        commentary: 'Waiting on the CCG.',
        setsStatus: false,
      },
    })
    const id = mine.mutation.kind === 'progress.post' ? mine.mutation.data.id : ''
    await localDb.outbox.where('id').equals(mine.id).delete()
    const received = { ...update(7, k2.id, 'amber'), id, commentary: 'Waiting on the CCG.', setsStatus: false }
    await applyPullPage(localDb, { changes: puts('progressUpdate', [received]), checkpoint: 7, hasMore: false })
    const stored = await updatesOfAction(localDb, k2.id)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ id, version: 7, receivedAt: received.receivedAt })
  })
})
