import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { LocalDatabase } from './database'
import { actions, milestones, themes } from '../../../tests/support/plan-records'

describe('the device database', () => {
  const name = 'upgrade-test'
  afterEach(() => Dexie.delete(name))

  it('keeps data synced under version 1, adds its search text, and starts the pull again for the version 6 shape', async () => {
    // A device as the first release left it: version 1, records without search text.
    const v1 = new Dexie(name)
    v1.version(1).stores({
      meta: 'key',
      organisations: 'id',
      values: 'id, position',
      areas: 'id, position',
      teams: 'id, areaId',
      people: 'id',
      plans: 'id',
      themes: 'id, planId, position',
      actions: 'id, themeId, *areaIds, leadTeamId, code',
      milestones: 'id, actionId, dueDate',
      measures: 'id, planId',
      risks: 'id, planId',
      assignments: 'id, actionId, milestoneId, personId, teamId',
    })
    await v1.table('actions').bulkPut(actions)
    await v1.table('themes').bulkPut(themes)
    await v1.table('milestones').bulkPut(milestones)
    await v1.table('meta').put({ key: 'checkpoint', value: 77 })
    await v1.table('meta').put({ key: 'essentialsCheckpoint', value: { checkpoint: 90, complete: false } })
    v1.close()

    const upgraded = new LocalDatabase(name)
    await upgraded.open()
    expect(upgraded.verno).toBeGreaterThanOrEqual(2)
    expect(await upgraded.actions.count()).toBe(actions.length)
    expect((await upgraded.actions.get(actions[2]!.id))?.searchText).toContain('transition planning for young people')
    expect((await upgraded.themes.get(themes[0]!.id))?.searchText).toContain('stronger families')
    expect((await upgraded.milestones.toArray())[0]?.searchText).toContain('protocol')
    // The records stay readable until the pull from the start brings them in the new shape.
    expect(await upgraded.meta.get('checkpoint')).toEqual({ key: 'checkpoint', value: 0 })
    expect(await upgraded.meta.get('essentialsCheckpoint')).toBeUndefined()
    // Indexes still answer after the upgrade.
    expect(await upgraded.actions.where('code').equals('K2').count()).toBe(1)
    upgraded.close()
  })
})
