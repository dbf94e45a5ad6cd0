import type { Queryable } from '../../db/database'
import { planOfRow } from '../../db/draft-plans'
import { tableOf } from '../../db/tables'
import { reserveVersions } from '../../db/versions'
import type { EntityType } from '../../../shared/entities'

// The plan row itself is written by the change that moves it out of draft.
const keyedTypes = (Object.keys(planOfRow) as EntityType[]).filter((type) => type !== 'plan')

/**
 * Gives every record keyed to a plan a new version, so that devices which were not sent
 * them while the plan was a draft (pull.ts) receive them at their next pull: their
 * checkpoints have long passed the versions the records had. Called when a plan leaves
 * draft, in that change's transaction; returns how many records it republished.
 */
export async function republishPlan(tx: Queryable, orgId: string, planId: string): Promise<number> {
  // The organisation's counter first: no writer can add a record between counting and numbering.
  await reserveVersions(tx, orgId, 0)
  const counts: [EntityType, number][] = []
  for (const type of keyedTypes) {
    const [row] = await tx.query<{ n: number }>(
      `select count(*)::int as n from ${tableOf[type]} t where t.org_id = $1 and ${planOfRow[type]} = $2`,
      [orgId, planId],
    )
    if (row!.n) counts.push([type, row!.n])
  }
  const total = counts.reduce((sum, [, n]) => sum + n, 0)
  if (!total) return 0
  let first = await reserveVersions(tx, orgId, total)
  for (const [type, n] of counts) {
    // In their old order, so a device applies parents before children as it always has.
    await tx.query(
      `with keyed as (select t.id, row_number() over (order by t.version, t.id) - 1 as n
                        from ${tableOf[type]} t where t.org_id = $1 and ${planOfRow[type]} = $2)
       update ${tableOf[type]} t set version = $3 + keyed.n from keyed where t.id = keyed.id`,
      [orgId, planId, first],
    )
    first += n
  }
  return total
}
