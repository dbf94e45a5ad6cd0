import type { Queryable } from '../db/database'
import { rowToRecord, tableOf } from '../db/tables'
import { entitySchemas, type Entity, type EntityType, type Plan } from '../../shared/entities'
import type { MonitoringRecords } from '../../shared/monitoring/monitoring-records'
import { buildQuarterlyReport, reportDay } from '../../shared/monitoring/quarterly-report'
import { type QuarterlyReport } from '../../shared/monitoring/quarterly-report-schema'

/** Rows of one type as a device receives them (tables.ts), checked by their synced schema. */
async function recordsOf<K extends EntityType>(
  tx: Queryable,
  type: K,
  where: string,
  planId: string,
  order = 't.id',
): Promise<Entity<K>[]> {
  const rows = await tx.query<{ data: Record<string, unknown> }>(
    `select to_jsonb(t) as data from ${tableOf[type]} t where ${where} order by ${order}`,
    [planId],
  )
  return rows.map((row) => entitySchemas[type].parse(rowToRecord(row.data)) as Entity<K>)
}

const liveActionsOfPlan = 'select id from actions where plan_id = $1 and archived_at is null'

/**
 * One plan's records as the server holds them, for building its quarterly report: the same
 * records a device holds, in the order it holds them (dashboard/queries.ts: by position,
 * ties by id), so a report locked here is the one a device builds from the same records.
 * Archived records are left out, and with an archived action its milestones, updates and evidence.
 */
export async function storedMonitoringRecords(tx: Queryable, plan: Plan): Promise<MonitoringRecords> {
  const live = 'plan_id = $1 and archived_at is null'
  const placed = 't.position, t.id'
  return {
    plan,
    themes: await recordsOf(tx, 'theme', live, plan.id, placed),
    actions: await recordsOf(tx, 'action', live, plan.id, placed),
    milestones: await recordsOf(
      tx,
      'milestone',
      `action_id in (${liveActionsOfPlan}) and archived_at is null`,
      plan.id,
      't.position, t.action_id, t.id',
    ),
    measures: await recordsOf(tx, 'measure', live, plan.id),
    risks: await recordsOf(tx, 'risk', live, plan.id, placed),
    progressUpdates: await recordsOf(tx, 'progressUpdate', `action_id in (${liveActionsOfPlan})`, plan.id),
    evidence: await recordsOf(tx, 'evidence', `action_id in (${liveActionsOfPlan})`, plan.id),
  }
}

/** A plan's quarterly report from what the server holds, as at `today` (an ISO date) or the quarter's end. */
export async function storedQuarterlyReport(
  tx: Queryable,
  orgId: string,
  plan: Plan,
  quarter: string,
  today: string,
): Promise<QuarterlyReport> {
  const people = await tx.query<{ id: string; name: string }>('select id, name from people where org_id = $1', [orgId])
  const names = { people: Object.fromEntries(people.map((person) => [person.id, person.name])) }
  return buildQuarterlyReport(await storedMonitoringRecords(tx, plan), quarter, reportDay(quarter, today), names)
}
