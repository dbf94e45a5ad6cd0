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
  assignment: 'assignments',
  progressUpdate: 'progress_updates',
  evidence: 'evidence',
  attachment: 'attachments',
  history: 'history',
  survey: 'surveys',
}

// Columns a device never receives: scope and bookkeeping the server keeps to itself.
const serverOnlyColumns = new Set(['org_id', 'change_seq', 'received_bytes', 'uploaded_by', 'upload_started_at'])

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

/**
 * Inserts records (camelCase, as in src/shared/entities.ts) into `table`. The rows go
 * as one JSON parameter that PostgreSQL unpacks with the table's own column types:
 * one statement and one parameter however many rows, instead of thousands of
 * placeholders to bind.
 */
export async function insertRecords(
  tx: { query(sql: string, params?: unknown[]): Promise<unknown> },
  table: string,
  records: Record<string, unknown>[],
): Promise<void> {
  const first = records[0]
  if (!first) return
  const keys = Object.keys(first)
  const columns = keys.map(toSnake)
  const list = columns.join(', ')
  const perStatement = 5000
  for (let start = 0; start < records.length; start += perStatement) {
    const rows = records.slice(start, start + perStatement).map((record) => {
      const row: Record<string, unknown> = {}
      keys.forEach((key, index) => (row[columns[index]!] = record[key] ?? null))
      return row
    })
    await tx.query(`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [JSON.stringify(rows)])
  }
}
