import { beforeEach, describe, expect, it } from 'vitest'
import type { Change } from '../../shared/sync/protocol'
import { actions, areas, milestones, values } from '../../../tests/support/plan-records'
import { localDb } from './database'
import { applyPullPage } from './apply-pull'
import { readMeta } from './meta'
import { clearLocalData } from './reset'

const puts = (type: Change['type'], records: { version: number }[]) =>
  records.map((data) => ({ type, op: 'put', version: data.version, data: { ...data } }) as Change)

describe('applying a pull page', () => {
  beforeEach(() => clearLocalData(localDb))

  it('stores every record, with search text, and moves the checkpoint', async () => {
    await applyPullPage(localDb, {
      changes: [...puts('area', areas), ...puts('action', actions), ...puts('milestone', milestones)],
      checkpoint: 42,
      hasMore: false,
    })
    expect(await localDb.actions.count()).toBe(actions.length)
    expect(await localDb.areas.count()).toBe(areas.length)
    const k2 = await localDb.actions.where('code').equals('K2').first()
    expect(k2?.searchText).toContain('transition planning')
    expect((await localDb.milestones.toArray())[0]?.searchText).toContain('transitions protocol')
    expect(await readMeta(localDb, 'checkpoint')).toBe(42)
  })

  it('replaces a record with a newer version and removes deleted ones', async () => {
    await applyPullPage(localDb, { changes: puts('value', values), checkpoint: 10, hasMore: false })
    const renamed = { ...values[0]!, version: 11, meaning: 'We do what we say.' }
    await applyPullPage(localDb, {
      changes: [...puts('value', [renamed]), { type: 'value', op: 'delete', version: 12, id: values[2]!.id }],
      checkpoint: 12,
      hasMore: false,
    })
    const stored = await localDb.values.orderBy('position').toArray()
    expect(stored.map((value) => value.name)).toEqual(['Trust', 'Respect'])
    expect(stored[0]?.meaning).toBe('We do what we say.')
  })

  it('writes nothing and keeps the checkpoint when any record of the page cannot be stored', async () => {
    await applyPullPage(localDb, { changes: puts('value', values), checkpoint: 10, hasMore: false })
    const broken = { type: 'action', op: 'put', version: 99, data: { code: 'X1' } } as unknown as Change
    await expect(
      applyPullPage(localDb, { changes: [...puts('action', actions), broken], checkpoint: 99, hasMore: false }),
    ).rejects.toThrow()
    expect(await localDb.actions.count()).toBe(0)
    expect(await readMeta(localDb, 'checkpoint')).toBe(10)
  })
})
