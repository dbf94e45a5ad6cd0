import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan } from '../../../../tests/support/mount-view'
import { actions, milestones, person, plan } from '../../../../tests/support/plan-records'
import { loadMyWork } from './queries'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const assignment = (n: number, target: { actionId?: string; milestoneId?: string }) => ({
  id: uuid(n),
  version: 1,
  actionId: target.actionId ?? null,
  milestoneId: target.milestoneId ?? null,
  personId: person.id,
  teamId: null,
  assignedBy: person.id,
  assignedAt: '2024-01-01T00:00:00Z',
})

describe("a person's work across the organisation's plans", () => {
  beforeEach(async () => {
    await deviceWithPlan()
  })

  it('names each item by its action, title before description, with its plan; a superseded plan’s work is left out', async () => {
    const other = { ...plan, id: uuid(700), title: 'Improvement plan' }
    const old = { ...plan, id: uuid(701), title: 'Old framework', status: 'superseded' as const }
    await localDb.plans.bulkPut([other, old])
    const base = actions[0]!
    await localDb.actions.bulkPut([
      {
        ...base,
        id: uuid(710),
        planId: other.id,
        code: null,
        title: 'Strengthen MASH',
        description: 'A long description',
        leadTeamId: null,
        searchText: '',
      },
      { ...base, id: uuid(711), planId: old.id, code: 'X1', leadTeamId: null, searchText: '' },
    ])
    await localDb.assignments.bulkPut([
      assignment(720, { actionId: uuid(710) }),
      assignment(721, { actionId: uuid(711) }),
    ])

    const work = await loadMyWork(localDb, person)
    expect(work.map((item) => [item.kind, item.title, item.actionName, item.planTitle, item.assignedTo])).toEqual([
      ['action', 'Strengthen MASH', 'Strengthen MASH', 'Improvement plan', 'You'],
      [
        'milestone',
        milestones[0]!.title,
        'K2 Improve transition planning for young people with SEND',
        'Achieving more',
        'Kingston Disabilities Team',
      ],
    ])
    expect(work.some((item) => item.actionId === uuid(711))).toBe(false)
  })

  it('leaves out an archived milestone, and the milestones of an archived project', async () => {
    const milestone = milestones[0]!
    await localDb.assignments.bulkPut([
      assignment(760, { milestoneId: milestone.id }),
      assignment(761, { actionId: actions[0]!.id }),
    ])
    const before = await loadMyWork(localDb, person)
    expect(before.map((item) => item.id).sort()).toEqual([actions[0]!.id, milestone.id].sort())

    await localDb.milestones.update(milestone.id, { archivedAt: '2026-11-02T09:30:00.000Z' })
    await localDb.actions.update(actions[0]!.id, { archivedAt: '2026-11-02T09:30:00.000Z' })
    // The team still leads the milestone's project, which with no milestone left in the plan stands for itself.
    const after = await loadMyWork(localDb, person)
    expect(after.map((item) => [item.kind, item.id])).toEqual([['action', milestone.actionId]])
  })
})
