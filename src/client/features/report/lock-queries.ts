import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { lockedReportOf, type LockedReport } from './locked-report'

/** The lock of a plan's quarter on this device, if it has been locked, with who locked it. */
export async function quarterLockOf(
  planId: string,
  quarter: string,
  db: LocalDatabase = localDb,
): Promise<LockedReport | undefined> {
  const lock = await db.reportLocks
    .where('planId')
    .equals(planId)
    .filter((l) => l.quarter === quarter)
    .first()
  if (!lock) return undefined
  return lockedReportOf(lock, (await db.people.get(lock.lockedBy))?.name)
}

export const useQuarterLock = (source: () => { planId: string; quarter: string }) =>
  useLiveQuery(({ planId, quarter }) => quarterLockOf(planId, quarter), source)
