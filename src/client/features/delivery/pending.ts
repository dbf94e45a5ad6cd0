import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { definitionOf } from '../../../shared/changes'

/** The ids of records that changes still waiting in the outbox create or change. */
export async function loadPendingIds(db: LocalDatabase): Promise<Set<string>> {
  const waiting = await db.outbox.where('state').equals('waiting').toArray()
  const ids = new Set<string>()
  for (const { mutation } of waiting) {
    const { definition, data } = definitionOf(mutation)
    ids.add(definition.subject(data))
  }
  return ids
}

export const usePendingIds = () => useLiveQuery(() => loadPendingIds(localDb))
