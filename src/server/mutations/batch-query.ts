import type { Queryable } from '../db/database'

/** Runs `sql` with `ids` as $2, or skips the round trip when there are none. */
export async function byIds<Row>(tx: Queryable, sql: string, orgId: string, ids: Set<string>): Promise<Row[]> {
  return ids.size ? tx.query<Row>(sql, [orgId, [...ids]]) : []
}
