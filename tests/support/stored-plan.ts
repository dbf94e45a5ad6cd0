import type { Queryable } from '../../src/server/db/database'
import { rowToRecord, tableOf } from '../../src/server/db/tables'
import { entitySchemas, type Entity, type EntityType } from '../../src/shared/entities'

/** Records of one kind as a device would receive them, each checked against its synced schema, in document order. */
export async function storedRecords<K extends EntityType>(
  db: Queryable,
  kind: K,
  where: string,
  params: unknown[],
): Promise<Entity<K>[]> {
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `select to_jsonb(t) as data from ${tableOf[kind]} t where ${where}`,
    params,
  )
  const records = rows.map((row) => entitySchemas[kind].parse(rowToRecord(row.data)) as Entity<K>)
  const position = (record: unknown) => (record as { position?: number }).position ?? 0
  return records.sort((a, b) => position(a) - position(b))
}

/** Everything an import made for one plan, and the organisation-wide records beside it. */
export async function storedPlan(db: Queryable, orgId: string, planId: string) {
  const ofPlan = <K extends EntityType>(kind: K) => storedRecords(db, kind, 'plan_id = $1', [planId])
  const ofOrganisation = <K extends EntityType>(kind: K) => storedRecords(db, kind, 'org_id = $1', [orgId])
  const [plan] = await storedRecords(db, 'plan', 'id = $1', [planId])
  const [organisation] = await storedRecords(db, 'organisation', 'id = $1', [orgId])
  if (!plan || !organisation) throw new Error(`No plan ${planId} in organisation ${orgId}`)
  return {
    organisation,
    plan,
    values: await ofOrganisation('value'),
    areas: await ofOrganisation('area'),
    outcomes: await ofOrganisation('outcome'),
    recommendations: await ofPlan('recommendation'),
    themes: await ofPlan('theme'),
    actions: await ofPlan('action'),
    milestones: await storedRecords(db, 'milestone', 'action_id in (select id from actions where plan_id = $1)', [
      planId,
    ]),
    measures: await ofPlan('measure'),
    risks: await ofPlan('risk'),
    sections: await ofPlan('section'),
  }
}
export type StoredPlan = Awaited<ReturnType<typeof storedPlan>>

/** Every row of every table, as one value: equal snapshots mean nothing was written. */
export async function databaseSnapshot(db: Queryable): Promise<Record<string, unknown[]>> {
  const tables = await db.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
  )
  const snapshot: Record<string, unknown[]> = {}
  for (const { table_name } of tables) {
    const rows = await db.query<{ row: Record<string, unknown> }>(`select to_jsonb(t) as row from "${table_name}" t`)
    snapshot[table_name] = rows.map((r) => JSON.stringify(r.row)).sort()
  }
  return snapshot
}
