import type { Queryable } from '../db/database'
import { rowToRecord, tableOf } from '../db/tables'
import type { TargetRecord } from '../../shared/changes/batch-context'
import type { References } from '../../shared/changes/references'
import { editableTypes, type EditableType } from '../../shared/plans/editable-records'
import type { FieldEdits } from '../../shared/sync/field-rule'

// How each type reaches its plan, for the plan's status (a read-only plan takes no edits).
const planJoin: Record<EditableType, string> = {
  plan: 'join plans p on p.id = t.id',
  theme: 'join plans p on p.id = t.plan_id',
  action: 'join plans p on p.id = t.plan_id',
  measure: 'join plans p on p.id = t.plan_id',
  risk: 'join plans p on p.id = t.plan_id',
  recommendation: 'join plans p on p.id = t.plan_id',
  milestone: 'join actions a on a.id = t.action_id join plans p on p.id = a.plan_id',
  outcome: 'left join plans p on false',
}

/**
 * The plan records a batch edits or names, of every type, each with its plan's status.
 * Ids are made on devices and unique across types, so one id is looked for in each
 * table; the ones the batch writes are locked first, by type and then id order, so two admins' pushes
 * editing one record take turns and meet under the field rule.
 */
export async function readPlanRecords(
  tx: Queryable,
  orgId: string,
  refs: References,
): Promise<Map<string, TargetRecord>> {
  const found = new Map<string, TargetRecord>()
  if (!refs.planRecordIds.size) return found
  const ids = [...refs.planRecordIds].sort()
  const edited = [...refs.editedRecordIds].sort()
  for (const type of editableTypes) {
    // Locked before they are read, so what is read is what the edit meets.
    if (edited.length)
      await tx.query(
        `select 1 from ${tableOf[type]} where org_id = $1 and id = any($2::uuid[]) order by id for update`,
        [orgId, edited],
      )
    const rows = await tx.query<{
      data: Record<string, unknown>
      field_edits: FieldEdits
      plan_id: string | null
      plan_status: string | null
    }>(
      `select to_jsonb(t) as data, t.field_edits, p.id as plan_id, p.status as plan_status
         from ${tableOf[type]} t ${planJoin[type]}
        where t.org_id = $1 and t.id = any($2::uuid[])`,
      [orgId, ids],
    )
    for (const row of rows) {
      const record = rowToRecord(row.data)
      found.set(String(record.id), {
        type,
        record,
        planId: row.plan_id,
        planStatus: row.plan_status,
        fieldEdits: row.field_edits ?? {},
      })
    }
  }
  return found
}
