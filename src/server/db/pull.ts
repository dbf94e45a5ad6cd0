import { entityTypes, type EntityType } from '../../shared/entities'
import type { Change, PullQuery, PullResponse } from '../../shared/sync/protocol'
import type { Queryable } from './database'
import { rowToRecord, tableOf } from './tables'

/**
 * One query over every synced table and the tombstones, in version order. Each branch
 * walks its (org_id, version) index, so PostgreSQL merges them and stops at the limit:
 * a pull with nothing new costs one index probe per table.
 */
const branches = entityTypes.map(
  (type) =>
    `(select '${type}' as type, version, to_jsonb(t) as data, false as deleted
        from ${tableOf[type]} t where org_id = $1 and version > $2 order by version limit $3)`,
)
branches.push(`(select entity_type as type, version, jsonb_build_object('id', entity_id) as data, true as deleted
        from tombstones where org_id = $1 and version > $2 order by version limit $3)`)
const pullSql = `${branches.join('\nunion all\n')}\norder by version limit $3`

interface PullRow {
  type: EntityType
  version: number
  data: Record<string, unknown>
  deleted: boolean
}

export async function pullChanges(db: Queryable, orgId: string, { since, limit }: PullQuery): Promise<PullResponse> {
  // One row more than asked for tells us whether another page waits.
  const rows = await db.query<PullRow>(pullSql, [orgId, since, limit + 1])
  const page = rows.slice(0, limit)
  const changes = page.map((row): Change => {
    const version = Number(row.version)
    if (row.deleted) return { type: row.type, op: 'delete', version, id: String(row.data.id) }
    return { type: row.type, op: 'put', version, data: rowToRecord(row.data) } as Change
  })
  return {
    changes,
    checkpoint: page.length ? Number(page[page.length - 1]!.version) : since,
    hasMore: rows.length > limit,
  }
}
