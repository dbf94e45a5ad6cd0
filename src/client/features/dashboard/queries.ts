import type { Role } from '../../../shared/entities'
import type { MonitoringRecords } from '../../../shared/monitoring/monitoring-records'
import { localDb, type LocalDatabase } from '../../db/database'
import { inPlan } from '../../db/archived'
import { useLiveQuery } from '../../db/live-query'
import { byPosition, planShownTo, sortPlans } from '../plan/plan-order'

/**
 * One plan's records as the device holds them, archived ones left out: what the dashboard
 * rolls up and the quarterly report is built from offline. Undefined if the plan is not here.
 */
export async function monitoringRecordsOf(
  planId: string,
  db: LocalDatabase = localDb,
): Promise<MonitoringRecords | undefined> {
  const plan = await db.plans.get(planId)
  if (!plan) return undefined
  const [themes, actions, measures, risks] = await Promise.all([
    db.themes.where('planId').equals(planId).toArray().then(inPlan),
    db.actions.where('planId').equals(planId).toArray().then(inPlan),
    db.measures.where('planId').equals(planId).toArray().then(inPlan),
    db.risks.where('planId').equals(planId).toArray().then(inPlan),
  ])
  themes.sort(byPosition)
  actions.sort(byPosition)
  risks.sort(byPosition)
  const actionIds = actions.map((action) => action.id)
  const [milestones, updateGroups, evidence] = await Promise.all([
    db.milestones.where('actionId').anyOf(actionIds).toArray().then(inPlan),
    db.updatesByAction.bulkGet(actionIds),
    db.evidence.where('actionId').anyOf(actionIds).toArray(),
  ])
  milestones.sort(byPosition)
  const progressUpdates = updateGroups.flatMap((group) => group?.entries ?? [])
  return { plan, themes, actions, milestones, measures, risks, progressUpdates, evidence }
}

/** The plans the dashboard shows: current (approved) ones, and drafts to plan admins; in the plans list's order. */
export async function dashboardPlans(
  role: Role | undefined,
  db: LocalDatabase = localDb,
): Promise<MonitoringRecords[]> {
  const plans = sortPlans(
    (await db.plans.toArray()).filter(
      (plan) => (plan.status === 'approved' || plan.status === 'draft') && planShownTo(plan, role),
    ),
  )
  const records = await Promise.all(plans.map((plan) => monitoringRecordsOf(plan.id, db)))
  return records.filter((each): each is MonitoringRecords => each !== undefined)
}

export const useDashboardPlans = (role: () => Role | undefined) => useLiveQuery(dashboardPlans, role)

/** The organisation's areas, for naming an area's figures, in their order. */
export const useAreas = () => useLiveQuery(() => localDb.areas.orderBy('position').toArray())
