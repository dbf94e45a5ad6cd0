import type { EntityType } from '../../shared/entities'

/** The table behind each synced record type. */
export const tableOf: Record<EntityType, string> = {
  organisation: 'organisations',
  value: 'org_values',
  area: 'areas',
  team: 'teams',
  person: 'people',
  plan: 'plans',
  theme: 'themes',
  action: 'actions',
  milestone: 'milestones',
  measure: 'measures',
  risk: 'risks',
  outcome: 'outcomes',
  recommendation: 'recommendations',
  section: 'sections',
  assignment: 'assignments',
  progressUpdate: 'progress_updates',
  evidence: 'evidence',
  attachment: 'attachments',
  history: 'history',
  survey: 'surveys',
  reminder: 'reminders',
  reportLock: 'report_locks',
}

// Columns a device never receives: scope and bookkeeping the server keeps to itself.
const serverOnlyColumns = new Set([
  'org_id',
  'change_seq',
  'received_bytes',
  'uploaded_by',
  'upload_started_at',
  'import_key',
  'field_edits',
])

const toCamel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
const toSnake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** A row as `to_jsonb` gives it, turned into the record shape of src/shared/entities.ts. */
export function rowToRecord(row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(row)) {
    if (!serverOnlyColumns.has(column)) record[toCamel(column)] = value
  }
  return record
}

type Rows = Record<string, unknown>[]
interface Tx {
  query(sql: string, params?: unknown[]): Promise<unknown>
}

// Rows per statement: enough for any push, small enough for one parameter.
const perStatement = 5000

/** One table's insert, its rows as the JSON parameter `$n` that PostgreSQL unpacks with the table's own column types. */
function insertOf(table: string, records: Rows, n: number): { sql: string; rows: string } {
  const keys = Object.keys(records[0]!)
  const columns = keys.map(toSnake)
  // Quoted: a column may have a reserved word for its name (sections."table").
  const list = columns.map((column) => `"${column}"`).join(', ')
  const rows = records.map((record) => {
    const row: Record<string, unknown> = {}
    keys.forEach((key, index) => (row[columns[index]!] = record[key] ?? null))
    return row
  })
  return {
    sql: `insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, $${n}::jsonb)`,
    rows: JSON.stringify(rows),
  }
}

/**
 * Inserts records (camelCase, as in src/shared/entities.ts) into `table`. The rows go
 * as one JSON parameter that PostgreSQL unpacks with the table's own column types:
 * one statement and one parameter however many rows, instead of thousands of
 * placeholders to bind.
 */
export async function insertRecords(tx: Tx, table: string, records: Rows): Promise<void> {
  for (let start = 0; start < records.length; start += perStatement) {
    const { sql, rows } = insertOf(table, records.slice(start, start + perStatement), 1)
    await tx.query(sql, [rows])
  }
}

/**
 * Inserts into several tables in one statement (one writable CTE per table), so a push
 * writes its progress updates, evidence and history in one round trip while it holds its
 * organisation's change counter. The tables must not refer to one another's new rows:
 * the parts of one statement do not see each other's.
 */
export async function insertRecordsTogether(tx: Tx, groups: [table: string, records: Rows][]): Promise<void> {
  const filled = groups.filter(([, records]) => records.length)
  if (filled.length < 2 || filled.some(([, records]) => records.length > perStatement)) {
    for (const [table, records] of filled) await insertRecords(tx, table, records)
    return
  }
  const parts = filled.map(([table, records], i) => insertOf(table, records, i + 1))
  const last = parts.at(-1)!
  const sql = `with ${parts
    .slice(0, -1)
    .map((part, i) => `w${i} as (${part.sql})`)
    .join(', ')} ${last.sql}`
  await tx.query(
    sql,
    parts.map((part) => part.rows),
  )
}

/** Sets some of a record's fields (camelCase), unpacked by PostgreSQL with the table's own column types. */
export async function updateRecord(tx: Tx, table: string, id: string, fields: Record<string, unknown>): Promise<void> {
  const row: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) row[toSnake(key)] = value ?? null
  const list = Object.keys(row)
    .map((column) => `"${column}"`)
    .join(', ')
  await tx.query(
    `update ${table} set (${list}) = (select ${list} from jsonb_populate_record(null::${table}, $1::jsonb)) where id = $2`,
    [JSON.stringify(row), id],
  )
}
