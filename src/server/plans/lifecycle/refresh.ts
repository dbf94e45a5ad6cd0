import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'
import { insertRecords, rowToRecord } from '../../db/tables'
import { reserveVersions } from '../../db/versions'
import { HttpError } from '../../http/errors'
import type { Measure, Risk } from '../../../shared/entities'
import {
  measureForNextYear,
  newDateToSet,
  nextPeriod,
  nextTitle,
  riskForNextYear,
  yearLater,
  type RefreshResult,
} from '../../../shared/plans/next-version'

type Row = Record<string, unknown>
const rows = async (tx: Queryable, sql: string, params: unknown[]) =>
  (await tx.query<{ data: Row }>(sql, params)).map((r) => rowToRecord(r.data))

/**
 * Starts next year's version of an approved plan, as a draft, in the caller's transaction:
 * its themes, and its actions and milestones that are not complete, with their measures,
 * risks, recommendations, sections and assignments, each a new record naming the one it
 * was carried from. Deadlines are left to set again; measures start without figures and
 * risks without quarters' ratings. The old plan keeps everything.
 */
export async function refreshPlan(
  tx: Queryable,
  orgId: string,
  planId: string,
  by: { personId: string; deviceKind: string | null },
): Promise<RefreshResult> {
  const [plan] = await rows(tx, 'select to_jsonb(p) as data from plans p where id = $1 and org_id = $2 for update', [
    planId,
    orgId,
  ])
  if (!plan) throw new HttpError(404, 'not_found', 'This plan is not in your organisation’s plans.')
  if (plan.status !== 'approved')
    throw new HttpError(
      409,
      'not_current',
      `Only a current plan starts next year’s version; this one is ${String(plan.status)}.`,
    )
  const [started] = await tx.query<{ title: string }>(
    "select title from plans where carried_from_id = $1 and status = 'draft' limit 1",
    [planId],
  )
  if (started)
    throw new HttpError(
      409,
      'already_started',
      `Next year’s version of this plan has been started already: “${started.title}”.`,
    )

  const live = 'archived_at is null'
  const themes = await rows(tx, `select to_jsonb(t) as data from themes t where plan_id = $1 and ${live}`, [planId])
  const allActions = await rows(tx, `select to_jsonb(t) as data from actions t where plan_id = $1 and ${live}`, [
    planId,
  ])
  const allMilestones = await rows(
    tx,
    `select to_jsonb(m) as data from milestones m join actions a on a.id = m.action_id where a.plan_id = $1 and m.archived_at is null`,
    [planId],
  )
  const recommendations = await rows(
    tx,
    `select to_jsonb(t) as data from recommendations t where plan_id = $1 and ${live}`,
    [planId],
  )
  const measures = await rows(tx, `select to_jsonb(t) as data from measures t where plan_id = $1 and ${live}`, [planId])
  const risks = await rows(tx, `select to_jsonb(t) as data from risks t where plan_id = $1 and ${live}`, [planId])
  const sections = await rows(tx, 'select to_jsonb(t) as data from sections t where plan_id = $1', [planId])

  const newId = new Map<string, string>()
  const copyId = (record: Row) => {
    const id = randomUUID()
    newId.set(String(record.id), id)
    return id
  }
  const mapped = (ids: unknown) => (ids as string[]).flatMap((id) => (newId.has(id) ? [newId.get(id)!] : []))
  const nextPlanId = copyId(plan)
  const open = (record: Row) => record.status !== 'complete'
  const actions = allActions.filter((a) => open(a) && themes.some((t) => t.id === a.themeId))
  const actionIds = new Set(actions.map((a) => String(a.id)))
  const milestones = allMilestones.filter((m) => open(m) && actionIds.has(String(m.actionId)))
  const assignments = await rows(
    tx,
    'select to_jsonb(t) as data from assignments t where action_id = any($1::uuid[]) or milestone_id = any($2::uuid[])',
    [[...actionIds], milestones.map((m) => m.id)],
  )

  const carry = (record: Row, fields: Row = {}): Row => ({
    ...record,
    id: copyId(record),
    carriedFromId: record.id,
    ...fields,
  })
  const inPlan = { planId: nextPlanId }
  const undated = { dueDate: null, deadlineText: newDateToSet, signedOffBy: null, signedOffAt: null }
  const period = typeof plan.periodText === 'string' ? nextPeriod(plan.periodText) : undefined
  const control = plan.documentControl as Row
  const newRecommendations = recommendations.map((r) => carry(r, inPlan))
  const newThemes = themes.map((t) => carry(t, { ...inPlan, recommendationIds: [] }))
  newThemes.forEach((t, i) => (t.recommendationIds = mapped(themes[i]!.recommendationIds)))
  const newActions = actions.map((a) =>
    carry(a, { ...inPlan, ...undated, successMeasureBy: null, yearMilestoneBy: null }),
  )
  newActions.forEach((a, i) => {
    a.themeId = newId.get(String(actions[i]!.themeId))
    a.recommendationIds = mapped(actions[i]!.recommendationIds)
  })
  const newMilestones = milestones.map((m) => carry(m, { ...undated, actionId: newId.get(String(m.actionId)) }))
  const linked = (r: Row) => ({ ...inPlan, themeIds: mapped(r.themeIds), actionIds: mapped(r.actionIds) })
  // A new year starts with no figures and no quarters' ratings of its own.
  const newMeasures = measures.map((m) => carry(measureForNextYear(m as Row & Measure), linked(m)))
  const newRisks = risks.map((r) => carry(riskForNextYear(r as Row & Risk), linked(r)))
  const newSections = sections.map((s) => carry(s, inPlan))
  const newAssignments = assignments.map((a) => ({
    ...a,
    id: randomUUID(),
    actionId: a.actionId ? (newId.get(String(a.actionId)) ?? null) : null,
    milestoneId: a.milestoneId ? (newId.get(String(a.milestoneId)) ?? null) : null,
  }))
  const nextPlan = {
    ...plan,
    id: nextPlanId,
    title: nextTitle(String(plan.title)),
    periodText: period ?? plan.periodText,
    periodStart: plan.periodStart ? yearLater(String(plan.periodStart)) : null,
    periodEnd: plan.periodEnd ? yearLater(String(plan.periodEnd)) : null,
    versionLabel: period ?? 'Next version',
    status: 'draft',
    // Approvals belong to the version approved; the new one starts with none.
    documentControl: {
      ...control,
      versions: [],
      ...(control.reviewDate ? { reviewDate: yearLater(String(control.reviewDate)) } : {}),
    },
    succeedsPlanId: planId,
    carriedFromId: planId,
    source: `Carried over in the app from “${String(plan.title)}”`,
    sourceNote: null,
  }

  const tables: [string, Row[]][] = [
    ['plans', [nextPlan]],
    ['recommendations', newRecommendations],
    ['themes', newThemes],
    ['actions', newActions],
    ['milestones', newMilestones],
    ['measures', newMeasures],
    ['risks', newRisks],
    ['sections', newSections],
    ['assignments', newAssignments],
  ]
  const result: RefreshResult = {
    planId: nextPlanId,
    title: nextPlan.title,
    carried: {
      themes: newThemes.length,
      actions: newActions.length,
      milestones: newMilestones.length,
      measures: newMeasures.length,
      risks: newRisks.length,
      recommendations: newRecommendations.length,
      sections: newSections.length,
      assignments: newAssignments.length,
    },
    completeLeft: {
      actions: allActions.filter((a) => !open(a)).length,
      milestones: allMilestones.filter((m) => !open(m)).length,
    },
  }
  let version = await reserveVersions(
    tx,
    orgId,
    tables.reduce((sum, [, list]) => sum + list.length, 1),
  )
  for (const [table, list] of tables)
    if (list.length)
      await insertRecords(
        tx,
        table,
        list.map((r) => ({ ...r, orgId, version: version++ })),
      )
  const now = new Date().toISOString()
  await insertRecords(tx, 'history', [
    {
      id: randomUUID(),
      orgId,
      version: version++,
      actionId: null,
      entityType: 'plan',
      entityId: nextPlanId,
      change: 'plan.refresh',
      details: { fromPlanId: planId, carried: result.carried, completeLeft: result.completeLeft },
      personId: by.personId,
      deviceId: 'online',
      deviceKind: by.deviceKind,
      mutationId: randomUUID(),
      madeAt: now,
      receivedAt: now,
      outcome: 'applied',
    },
  ])
  return result
}
