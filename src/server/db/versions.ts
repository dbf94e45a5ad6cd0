import type { Queryable } from './database'

/**
 * Reserves `count` consecutive change numbers for an organisation and returns the first.
 *
 * The `update` takes the organisation row's lock until the transaction ends, so writers
 * to one organisation commit in the order of their numbers. A pull that has seen
 * version N can therefore never later meet a commit numbered below N: without the lock
 * a slow transaction holding a lower number could commit after the pull moved past it,
 * and that change would never reach the device.
 */
export async function reserveVersions(tx: Queryable, orgId: string, count: number): Promise<number> {
  const rows = await tx.query<{ last: number }>(
    'update organisations set change_seq = change_seq + $2 where id = $1 returning change_seq as last',
    [orgId, count],
  )
  const last = rows[0]?.last
  if (last === undefined) throw new Error(`Unknown organisation ${orgId}`)
  return Number(last) - count + 1
}
