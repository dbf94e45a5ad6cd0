import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import { insertRecords, rowToRecord } from '../db/tables'
import { reserveVersions } from '../db/versions'
import { HttpError } from '../http/errors'
import { planSchema } from '../../shared/entities'
import type { ReportLock } from '../../shared/monitoring/report-locks'
import { quarterOf } from '../../shared/sync/quarter'
import { storedQuarterlyReport } from './monitoring-records'

/**
 * Locks a plan's quarter in the caller's transaction: builds its quarterly report from what
 * the server holds now and keeps it whole, so later edits cannot change the issued report.
 * Once only: a locked quarter stays as it was locked.
 */
export async function lockQuarter(
  tx: Queryable,
  orgId: string,
  planId: string,
  quarter: string,
  by: { personId: string; now: Date },
): Promise<ReportLock> {
  // The organisation's change number first, as a push takes it before any record's row
  // (taking the plan's row first could deadlock with a push editing the plan). A refusal
  // below rolls the reservation back with the transaction.
  const version = await reserveVersions(tx, orgId, 1)
  // The plan's row is the lock two admins locking the same quarter at once queue on.
  const [row] = await tx.query<{ data: Record<string, unknown> }>(
    'select to_jsonb(p) as data from plans p where id = $1 and org_id = $2 for update',
    [planId, orgId],
  )
  if (!row) throw new HttpError(404, 'not_found', 'This plan is not in your organisation’s plans.')
  const plan = planSchema.parse(rowToRecord(row.data))
  if (quarter > quarterOf(by.now))
    throw new HttpError(409, 'quarter_not_started', `${quarter} has not started yet, so it cannot be locked.`)
  const [locked] = await tx.query<{ name: string; locked_at: string }>(
    `select p.name, to_char(l.locked_at at time zone 'UTC', 'FMDD FMMonth YYYY') as locked_at
       from report_locks l join people p on p.id = l.locked_by where l.plan_id = $1 and l.quarter = $2`,
    [planId, quarter],
  )
  if (locked)
    throw new HttpError(
      409,
      'already_locked',
      `${quarter} of this plan was locked by ${locked.name} on ${locked.locked_at}; a locked quarter stays as it was.`,
    )

  const report = await storedQuarterlyReport(tx, orgId, plan, quarter, by.now.toISOString().slice(0, 10))
  const lock: ReportLock = {
    id: randomUUID(),
    version,
    planId,
    quarter,
    report: report as unknown as ReportLock['report'],
    lockedBy: by.personId,
    lockedAt: by.now.toISOString(),
  }
  await insertRecords(tx, 'report_locks', [{ ...lock, orgId }])
  return lock
}
