import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan } from '../../../../tests/support/mount-view'
import { ids, plan } from '../../../../tests/support/plan-records'
import { loadOutcomeThread, loadRecommendationThread, loadThemeThread, loadThreadUp } from './queries'
import {
  addThreadRecords,
  bestStart,
  earlierPlan,
  families,
  futures,
  helpTheme,
  improvementPlan,
  k1,
  k2,
  k2Updates,
  leadershipTheme,
  milestone,
  rec12,
  rec5,
  rec7,
  rec9,
  safe,
  unanswered,
} from './test-thread'

beforeEach(async () => {
  await deviceWithPlan()
  await addThreadRecords()
})

const codes = (list: { action: { code: string | null } }[]) => list.map((item) => item.action.code)

describe('the walk down from an outcome', () => {
  it('lists the plans that serve it, with their themes to walk on through', async () => {
    const thread = await loadOutcomeThread(localDb, bestStart.id)
    expect(thread?.plans.map((p) => [p.plan.title, p.themes.map((t) => t.title)])).toEqual([
      ['Improvement plan', ['Children who need help and protection', 'Leadership, management and governance']],
    ])
    expect(thread?.answers).toEqual([])
  })

  it('lists a theme that answers it with every action under it, and an action that answers it under a theme that does not', async () => {
    const thread = await loadOutcomeThread(localDb, safe.id)
    expect(thread?.plans).toEqual([])
    expect(thread?.answers.map((group) => [group.theme.title, group.answersItself, codes(group.actions)])).toEqual([
      [families.title, false, ['K1']],
      [futures.title, true, ['C1', 'K2', 'R2']],
    ])
    const k2Thread = thread?.answers[1]?.actions.find((item) => item.action.id === k2.id)
    expect(k2Thread?.milestones.map((m) => m.title)).toEqual([milestone.title])
    expect(k2Thread?.latestUpdates.map((u) => u.id)).toEqual([k2Updates[3]!.id, k2Updates[2]!.id, k2Updates[1]!.id])
    expect(k2Thread?.evidenceCount).toBe(2)
    expect(thread?.answers[0]?.actions[0]?.action.id).toBe(k1.id)
    expect(thread?.answers[0]?.actions[0]).toMatchObject({ milestones: [], latestUpdates: [], evidenceCount: 0 })
  })

  it('finds nothing for an outcome nothing serves or answers, and nothing for an outcome not on the device', async () => {
    expect(await loadOutcomeThread(localDb, unanswered.id)).toMatchObject({ plans: [], answers: [] })
    expect(await loadOutcomeThread(localDb, '00000000-0000-4000-8000-000000009999')).toBeUndefined()
  })
})

describe('the walk down from a recommendation', () => {
  it('finds both themes a recommendation sits under, and says no action answers it when the themes have none', async () => {
    const thread = await loadRecommendationThread(localDb, rec12.id)
    expect(thread?.plan?.id).toBe(improvementPlan.id)
    expect(thread?.answers.map((group) => [group.theme.id, group.answersItself, group.actions.length])).toEqual([
      [helpTheme.id, true, 0],
      [leadershipTheme.id, true, 0],
    ])
    expect(thread?.hasAction).toBe(false)
  })

  it('finds an action that answers it directly, under its theme', async () => {
    const thread = await loadRecommendationThread(localDb, rec7.id)
    expect(thread?.answers.map((group) => [group.theme.id, group.answersItself, codes(group.actions)])).toEqual([
      [ids.futures, false, ['K2']],
    ])
    expect(thread?.hasAction).toBe(true)
  })

  it('finds nothing answering a recommendation nothing names, and follows a change sync writes', async () => {
    expect(await loadRecommendationThread(localDb, rec9.id)).toMatchObject({ answers: [], hasAction: false })
    const c1 = await localDb.actions.where('code').equals('C1').first()
    await localDb.actions.put({ ...c1!, recommendationIds: [rec9.id] })
    expect(codes((await loadRecommendationThread(localDb, rec9.id))!.answers[0]!.actions)).toEqual(['C1'])
  })
})

describe('a theme', () => {
  it("lists a theme's actions in the plan's order", async () => {
    expect(codes((await loadThemeThread(localDb, ids.families))!.actions)).toEqual(['K1', 'R1', 'C2'])
  })
})

describe('the walk up', () => {
  it('goes from a milestone to its action, theme and plan, and what the action and theme answer', async () => {
    const up = await loadThreadUp(localDb, { milestoneId: milestone.id })
    expect([up.milestone?.id, up.action?.id, up.theme?.id, up.plan?.id]).toEqual([
      milestone.id,
      k2.id,
      ids.futures,
      plan.id,
    ])
    expect(up.outcomes.map((o) => o.id)).toEqual([safe.id])
    expect(up.recommendations.map((r) => r.id)).toEqual([rec7.id])
    expect(up).toMatchObject({ servesPlans: [], succeeds: undefined })
  })

  it("goes from a theme to its plan, the plan's outcomes, the plan it serves and the one it succeeds", async () => {
    const up = await loadThreadUp(localDb, { themeId: leadershipTheme.id })
    expect(up.plan?.id).toBe(improvementPlan.id)
    expect(up.outcomes.map((o) => o.id)).toEqual([bestStart.id])
    expect(up.recommendations.map((r) => r.id)).toEqual([rec12.id, rec5.id])
    expect(up.servesPlans.map((p) => p.id)).toEqual([plan.id])
    expect(up.succeeds?.id).toBe(earlierPlan.id)
  })
})

describe('archived records, out of the plan and so out of the thread', () => {
  const archivedAt = '2026-11-02T09:30:00.000Z'

  it('leaves an archived project out of the walk down, and an archived milestone out of its project', async () => {
    await localDb.actions.update(k1.id, { archivedAt })
    await localDb.milestones.update(milestone.id, { archivedAt })
    const thread = await loadOutcomeThread(localDb, safe.id)
    expect(thread?.answers.map((group) => [group.theme.title, codes(group.actions)])).toEqual([
      [futures.title, ['C1', 'K2', 'R2']],
    ])
    expect(thread?.answers[0]?.actions.find((item) => item.action.id === k2.id)?.milestones).toEqual([])
    expect(codes((await loadThemeThread(localDb, ids.families))!.actions)).toEqual(['R1', 'C2'])
  })

  it('leaves an archived theme out of a plan that serves the outcome, and out of what answers a recommendation', async () => {
    await localDb.themes.update(leadershipTheme.id, { archivedAt })
    const outcome = await loadOutcomeThread(localDb, bestStart.id)
    expect(outcome?.plans[0]?.themes.map((theme) => theme.id)).toEqual([helpTheme.id])
    const recommendation = await loadRecommendationThread(localDb, rec12.id)
    expect(recommendation?.answers.map((group) => group.theme.id)).toEqual([helpTheme.id])
  })

  it('leaves archived outcomes and recommendations out of the walk up', async () => {
    await localDb.outcomes.update(safe.id, { archivedAt })
    await localDb.recommendations.update(rec7.id, { archivedAt })
    const up = await loadThreadUp(localDb, { milestoneId: milestone.id })
    expect(up.outcomes).toEqual([])
    expect(up.recommendations).toEqual([])
  })
})
