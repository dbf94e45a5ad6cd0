import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'

/** The ids of records that changes still waiting in the outbox create or change. */
export async function loadPendingIds(db: LocalDatabase): Promise<Set<string>> {
  const waiting = await db.outbox.where('state').equals('waiting').toArray()
  const ids = new Set<string>()
  for (const { mutation } of waiting) {
    if (mutation.kind === 'status.set') ids.add(mutation.data.entityId)
    else if ('id' in mutation.data) ids.add(mutation.data.id)
    else ids.add(mutation.data.surveyId)
  }
  return ids
}

export const usePendingIds = () => useLiveQuery(() => loadPendingIds(localDb))
