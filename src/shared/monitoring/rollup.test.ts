import { describe, expect, it } from 'vitest'
import type { Action, Measure, Milestone, ProgressUpdate, Rag, Risk } from '../entities'
import * as fixture from '../../../tests/support/plan-records'
import type { MonitoringRecords } from './monitoring-records'
import { rollUp } from './rollup'
import { quarterDates } from '../sync/quarter-dates'

const { ids } = fixture
const quarter = '2026/27 Q3' // 1 October to 31 December 2026
let next = 1000
const newId = () => `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`

const [c1, k1, k2, r1] = fixture.actions as [Action, Action, Action, Action]

function milestone(
  actionId: string,
  dueDate: string | null,
  status: Milestone['status'],
  statusSetAt: string | null = null,
): Milestone {
  return { ...fixture.milestones[0]!, id: newId(), actionId, dueDate, status, statusSetAt }
}

function update(actionId: string, rag: Rag, madeAt: string): ProgressUpdate {
  return {
    id: newId(),
    version: 1,
    actionId,
    period: madeAt.slice(0, 7),
    rag,
    commentary: `${rag} at ${madeAt}`,
    authorId: ids.person,
    madeAt,
    receivedAt: madeAt,
  }
}

const measure = (fields: Partial<Measure>) => fixture.measureOf(newId(), { targets: [{ value: 80 }], ...fields })

const risk = (fields: Partial<Risk>) => fixture.riskOf(newId(), fields)

function records(parts: Partial<MonitoringRecords>): MonitoringRecords {
  return {
    plan: fixture.plan,
    themes: fixture.themes,
    actions: fixture.actions,
    milestones: [],
    measures: [],
    risks: [],
    progressUpdates: [],
    evidence: [],
    ...parts,
  }
}

describe('the quarter’s dates', () => {
  it('run April to March in quarters, the fourth in the next calendar year', () => {
    expect(quarterDates('2026/27 Q1')).toEqual({ start: '2026-04-01', end: '2026-06-30' })
    expect(quarterDates(quarter)).toEqual({ start: '2026-10-01', end: '2026-12-31' })
    expect(quarterDates('2027/28 Q4')).toEqual({ start: '2028-01-01', end: '2028-03-31' })
  })
})

describe('milestones due in the quarter', () => {
  const lastDay = milestone(k1.id, '2026-12-31', 'on-track')
  const plan = records({
    milestones: [
      lastDay,
      milestone(k1.id, '2026-10-01', 'complete', '2026-10-01T23:30:00Z'), // on its due day: met
      milestone(k1.id, '2026-10-01', 'complete', '2026-10-02T00:00:00Z'), // a day late: missed
      milestone(k1.id, '2026-10-10', 'complete', '2026-09-01T09:00:00+01:00'), // early: met
      milestone(k1.id, '2026-11-01', 'complete'), // imported complete, no time: met
      milestone(k1.id, '2026-11-30', 'off-track'), // passed and not complete: missed
      milestone(k1.id, '2026-09-30', 'not-started'), // the quarter before
      milestone(k1.id, '2027-01-01', 'not-started'), // the quarter after
      milestone(k1.id, null, 'not-started'),
      milestone(newId(), '2026-11-01', 'not-started'), // an archived action's
    ],
  })

  it('count one due on the quarter’s last day as still open on that day, and missed the day after', () => {
    expect(rollUp(plan, quarter, '2026-12-31').milestones).toEqual({ due: 6, met: 3, missed: 2, open: 1 })
    expect(rollUp(plan, quarter, '2027-01-01').milestones).toEqual({ due: 6, met: 3, missed: 3, open: 0 })
  })

  it('count one completed after its due date as missed, not met', () => {
    const late = records({ milestones: [milestone(k1.id, '2026-10-15', 'complete', '2026-10-20T10:00:00Z')] })
    expect(rollUp(late, quarter, '2026-10-16').milestones).toEqual({ due: 1, met: 0, missed: 1, open: 0 })
  })

  it('go to their action’s theme and areas', () => {
    const rollup = rollUp(plan, quarter, '2027-01-01')
    const families = rollup.themes.find((theme) => theme.themeId === ids.families)!
    const futures = rollup.themes.find((theme) => theme.themeId === ids.futures)!
    expect(families.milestones.due).toBe(6)
    expect(futures.milestones.due).toBe(0)
    expect(rollup.areas.find((area) => area.areaId === ids.kingston)!.milestones.missed).toBe(3)
    expect(rollup.areas.find((area) => area.areaId === ids.richmond)!.milestones.due).toBe(0)
  })
})

describe('projects by RAG and status', () => {
  const updates = [
    update(k1.id, 'amber', '2026-11-02T09:00:00Z'),
    update(k1.id, 'green', '2026-08-01T09:00:00Z'),
    update(k2.id, 'red', '2026-10-05T09:00:00Z'),
    update(k2.id, 'green', '2026-12-20T09:00:00Z'), // made after the day the figures are as at
  ]
  const plan = records({ progressUpdates: updates })

  it('take each project’s latest update as at the day, and count those with none apart', () => {
    const rollup = rollUp(plan, quarter, '2026-11-15')
    expect(rollup.actions).toBe(6)
    expect(rollup.actionsByRag).toEqual({ green: 0, amber: 1, red: 1, 'no update': 4 })
    expect(rollUp(plan, quarter, '2026-12-31').actionsByRag).toEqual({ green: 1, amber: 1, red: 0, 'no update': 4 })
  })

  it('count statuses, per theme and per area, a project in two areas in each', () => {
    const inTwo = { ...r1, areaIds: [ids.richmond, ids.kingston], status: 'complete' as const }
    const noArea = { ...c1, areaIds: [], status: 'at-risk' as const }
    const rollup = rollUp(records({ actions: [noArea, k1, k2, inTwo] }), quarter, '2026-11-15')
    expect(rollup.actionsByStatus).toEqual({
      'not-started': 2,
      'on-track': 0,
      'at-risk': 1,
      'off-track': 0,
      complete: 1,
    })
    const kingston = rollup.areas.find((area) => area.areaId === ids.kingston)!
    expect(kingston.actions).toBe(3)
    expect(kingston.actionsByStatus.complete).toBe(1)
    expect(rollup.areas.find((area) => area.areaId === ids.richmond)!.actions).toBe(1)
    expect(rollup.areas.find((area) => area.areaId === null)!.actionsByStatus['at-risk']).toBe(1)
    expect(rollup.themes.map((theme) => [theme.themeId, theme.actions])).toEqual([
      [ids.families, 2],
      [ids.futures, 2],
    ])
  })

  it('give the latest commentary newest first, one per project, within the limit', () => {
    const rollup = rollUp(plan, quarter, '2026-12-31', { commentaryLimit: 1 })
    expect(rollup.latestCommentary.map(({ action, update }) => [action.code, update.rag])).toEqual([['K2', 'green']])
    const families = rollup.themes.find((theme) => theme.themeId === ids.families)!
    expect(families.latestCommentary.map(({ update }) => update.commentary)).toEqual(['amber at 2026-11-02T09:00:00Z'])
    expect(rollUp(plan, quarter, '2026-12-31').latestCommentary.map(({ action }) => action.code)).toEqual(['K2', 'K1'])
  })
})

describe('measures and risks', () => {
  const linked = { themeIds: [ids.families], actionIds: [k1.id] } // K1 is in that theme: counted once
  const plan = records({
    measures: [
      measure({ ...linked, actuals: [{ period: '2026/27 Q2', value: 85 }] }),
      measure({ actuals: [{ period: '2026/27 Q2', value: 75 }], actionIds: [k2.id] }),
      measure({ actuals: [{ period: '2026/27 Q2', value: 60 }] }),
      measure({ actuals: [{ period: '2026/27 Q2', value: 60 }], targets: [] }),
      measure({}),
    ],
    risks: [
      risk({ ...linked, likelihood: 5, impact: 5, residualLikelihood: 1, residualImpact: 2 }), // residual: low
      risk({ likelihood: 3, impact: 4 }), // inherent only: high
      risk({ likelihood: 4, impact: 4, actionIds: [k2.id] }),
      risk({}),
    ],
  })
  const rollup = rollUp(plan, quarter, '2026-11-15')

  it('count measures by where they stand against target', () => {
    expect(rollup.measures).toBe(5)
    expect(rollup.measuresByStanding).toEqual({ green: 1, amber: 1, red: 1, 'data only': 1, 'no data': 1 })
    const families = rollup.themes.find((theme) => theme.themeId === ids.families)!
    expect(families.measures).toBe(1)
    expect(rollup.areas.find((area) => area.areaId === ids.kingston)!.measuresByStanding).toMatchObject({
      green: 1,
      amber: 1,
    })
  })

  it('band risks by their residual rating where rated, else inherent, and the unrated apart', () => {
    expect(rollup.risksByBand).toEqual({ 'very high': 1, high: 1, medium: 0, low: 1, unrated: 1 })
    const futures = rollup.themes.find((theme) => theme.themeId === ids.futures)!
    expect(futures.risksByBand['very high']).toBe(1)
    expect(futures.risks).toBe(1)
  })
})
