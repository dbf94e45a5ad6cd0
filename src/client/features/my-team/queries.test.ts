import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan } from '../../../../tests/support/mount-view'
import { actions, ids, plan, themes } from '../../../../tests/support/plan-records'
import { loadTeamPriorities } from './queries'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const base = actions[0]!
const theme = themes[0]!

/** A second plan of the organisation, with one theme and one action; no areas means everyone's. */
async function addPlan(n: number, status: 'approved' | 'superseded', areaIds: string[], code: string) {
  const planId = uuid(n)
  await localDb.plans.put({ ...plan, id: planId, title: `Plan ${code}`, status })
  await localDb.themes.put({
    ...theme,
    id: uuid(n + 1),
    planId,
    title: `Theme of ${code}`,
    position: 0,
    searchText: '',
  })
  await localDb.actions.put({
    ...base,
    id: uuid(n + 2),
    planId,
    themeId: uuid(n + 1),
    code,
    areaIds,
    leadTeamId: null,
    searchText: '',
  })
}

describe("a person's team priorities across the organisation's plans", () => {
  beforeEach(async () => {
    await deviceWithPlan()
  })

  it('counts the actions of every current plan, those with no area as the whole organisation’s, and no superseded plan’s', async () => {
    await addPlan(600, 'approved', [], 'G1')
    await addPlan(610, 'superseded', [ids.kingston], 'OLD1')
    const priorities = await loadTeamPriorities(localDb, ids.person)
    expect(priorities?.plans.map((p) => p.title)).toEqual(['Achieving more', 'Plan G1'])
    expect(priorities?.ownProjects.map((r) => r.action.code)).toEqual(['K2'])
    const shown = priorities?.priorities.map((group) => [
      group.theme.title,
      group.projects.map((r) => `${r.action.code}:${r.relevance}`),
    ])
    expect(shown).toEqual([
      ['Stronger families', ['K1:area', 'C2:organisation']],
      ['Positive futures', ['C1:organisation']],
      ['Theme of G1', ['G1:organisation']],
    ])
  })

  it('leaves out an action assigned to the team when its plan is no longer current', async () => {
    await addPlan(620, 'superseded', [ids.richmond], 'OLD2')
    await localDb.assignments.put({
      id: uuid(630),
      version: 1,
      actionId: uuid(622),
      milestoneId: null,
      personId: null,
      teamId: ids.teamK,
      assignedBy: ids.person,
      assignedAt: '2024-01-01T00:00:00Z',
    })
    const priorities = await loadTeamPriorities(localDb, ids.person)
    expect(priorities?.ownProjects.map((r) => r.action.code)).toEqual(['K2'])
  })

  it('leaves out archived projects, and those under an archived theme', async () => {
    const k1 = actions.find((action) => action.code === 'K1')!
    await localDb.actions.update(k1.id, { archivedAt: '2026-11-02T09:30:00.000Z' })
    await localDb.themes.update(ids.futures, { archivedAt: '2026-11-02T09:30:00.000Z' })
    const priorities = await loadTeamPriorities(localDb, ids.person)
    expect(priorities?.ownProjects).toEqual([])
    expect(
      priorities?.priorities.map((group) => [group.theme.title, group.projects.map((r) => r.action.code)]),
    ).toEqual([['Stronger families', ['C2']]])
  })
})
