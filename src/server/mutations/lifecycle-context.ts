import type { Queryable } from '../db/database'
import type { Mutation } from '../../shared/sync/mutations'

/**
 * For each plan a batch approves, the plans it was carried from by the annual refresh,
 * nearest first: approving it supersedes those still approved (kinds/plan-lifecycle.ts).
 * Locked, in id order, so two admins approving versions of one plan take turns.
 */
export async function readEarlierVersions(
  tx: Queryable,
  orgId: string,
  mutations: Mutation[],
): Promise<Map<string, { id: string; status: string }[]>> {
  const approved = mutations.flatMap((m) =>
    m.kind === 'plan.lifecycle' && m.data.step === 'approve' ? [m.data.planId] : [],
  )
  const found = new Map<string, { id: string; status: string }[]>()
  if (!approved.length) return found
  const rows = await tx.query<{ start_id: string; id: string; status: string; depth: number }>(
    `with recursive chain(start_id, id, depth) as (
       select p.id, p.carried_from_id, 1 from plans p
        where p.org_id = $1 and p.id = any($2::uuid[]) and p.carried_from_id is not null
       union all
       select c.start_id, p.carried_from_id, c.depth + 1 from chain c join plans p on p.id = c.id
        where p.carried_from_id is not null and c.depth < 100
     )
     select c.start_id, p.id, p.status, c.depth from chain c join plans p on p.id = c.id
      where p.org_id = $1 order by p.id for update of p`,
    [orgId, approved],
  )
  for (const row of rows.sort((a, b) => a.depth - b.depth)) {
    const list = found.get(row.start_id) ?? []
    list.push({ id: row.id, status: row.status })
    found.set(row.start_id, list)
  }
  return found
}
