import type { Evidence, Outcome, Plan, ProgressUpdate, Recommendation, Theme } from '../../../shared/entities'
import { localDb } from '../../db/database'
import { putUpdates } from '../../db/grouped'
import { actions, ids, milestones, plan, themes } from '../../../../tests/support/plan-records'

/**
 * Fixtures for this folder's tests, on top of the small test plan: a second plan that serves
 * an outcome and whose two themes answer recommendation 12 (as Kirklees's do), an outcome
 * the test plan's "Positive futures" answers, recommendations answered by an action or by
 * nothing, and K2's updates and evidence.
 */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const k2 = actions.find((action) => action.code === 'K2')!
const k1 = actions.find((action) => action.code === 'K1')!
export const milestone = milestones[0]!
export const futures = themes.find((theme) => theme.id === ids.futures)!
export const families = themes.find((theme) => theme.id === ids.families)!

const provenance = { source: null, sourceNote: null, archivedAt: null }
const outcome = (n: number, code: string, title: string): Outcome => ({
  id: uuid(n),
  version: 1,
  code,
  title,
  description: null,
  owner: null,
  ...provenance,
  position: n,
})
export const bestStart = outcome(810, '1', 'Children have the best start in life')
export const safe = outcome(811, '4', 'Children are safe and protected from harm')
export const unanswered = outcome(812, '6', 'A clean and green environment')

export const earlierPlan: Plan = { ...plan, id: uuid(801), title: 'Improvement framework', status: 'superseded' }
export const improvementPlan: Plan = {
  ...plan,
  id: uuid(800),
  title: 'Improvement plan',
  kind: 'improvement-plan',
  succeedsPlanId: earlierPlan.id,
  servesPlanIds: [ids.plan],
  servesOutcomeIds: [bestStart.id],
}

const recommendation = (n: number, number: string, text: string | null): Recommendation => ({
  id: uuid(n),
  version: 1,
  planId: improvementPlan.id,
  sourceKind: 'ofsted-inspection',
  sourceTitle: 'Ofsted inspection of children’s services',
  sourceDate: '2016-11-24',
  number,
  text,
  owner: 'The council',
  ...provenance,
  position: n,
})
export const rec12 = recommendation(830, '12', null)
export const rec5 = recommendation(831, '5', 'Ensure leaders know their services well')
export const rec7 = recommendation(832, '7', 'Improve transition planning')
export const rec9 = recommendation(833, '9', null)

const theme = (n: number, title: string, recommendationIds: string[]): Theme => ({
  ...futures,
  id: uuid(n),
  planId: improvementPlan.id,
  code: `Theme ${n - 819}`,
  title,
  outcome: null,
  rationale: null,
  outcomeIds: [],
  recommendationIds,
  position: n,
})
export const helpTheme = theme(820, 'Children who need help and protection', [rec12.id])
export const leadershipTheme = theme(821, 'Leadership, management and governance', [rec12.id, rec5.id])

const update = (n: number, madeAt: string): ProgressUpdate => ({
  id: uuid(n),
  version: 1,
  actionId: k2.id,
  period: `Q${n - 839}`,
  rag: 'green',
  commentary: `Update ${n - 839}`,
  authorId: ids.person,
  madeAt,
  receivedAt: madeAt,
})
export const k2Updates = [
  update(840, '2024-01-10T09:00:00Z'),
  update(841, '2024-04-10T09:00:00Z'),
  update(842, '2024-07-10T09:00:00Z'),
  update(843, '2024-10-10T09:00:00Z'),
]

const evidence = (n: number, milestoneId: string | null, note: string): Evidence => ({
  id: uuid(n),
  version: 1,
  actionId: k2.id,
  milestoneId,
  note,
  authorId: ids.person,
  madeAt: '2024-05-01T10:00:00Z',
  receivedAt: '2024-05-01T10:00:00Z',
})
export const milestoneEvidence = evidence(850, milestone.id, 'Protocol signed by both directors')
export const actionEvidence = evidence(851, null, 'Transition plans audited')

const searchable = <T extends { title?: string | null }>(record: T) => ({
  ...record,
  searchText: String(record.title ?? '').toLowerCase(),
})

/** Adds the fixtures to a device that already holds the test plan (`deviceWithPlan`). */
export async function addThreadRecords(): Promise<void> {
  await localDb.plans.bulkPut([earlierPlan, improvementPlan])
  await localDb.outcomes.bulkPut([bestStart, safe, unanswered])
  await localDb.recommendations.bulkPut([rec12, rec5, rec7, rec9])
  await localDb.themes.bulkPut([helpTheme, leadershipTheme, { ...futures, outcomeIds: [safe.id] }].map(searchable))
  await localDb.actions.bulkPut(
    [
      { ...k2, recommendationIds: [rec7.id], outcomeIds: [safe.id] },
      { ...k1, outcomeIds: [safe.id] },
    ].map(searchable),
  )
  await putUpdates(localDb, k2Updates)
  await localDb.evidence.bulkPut([milestoneEvidence, actionEvidence])
}

export { k1, k2 }
