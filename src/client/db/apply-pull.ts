import type { EntityType } from '../../shared/entities'
import type { PullResponse } from '../../shared/sync/protocol'
import { searchableTypes, tableFor, type LocalDatabase } from './database'
import { searchTextOf } from './search-text'
import { applyLocally } from '../sync/local-effects'

const writeSlice = 250

/**
 * Writes one page of a pull and moves the checkpoint, in one transaction. If the tab
 * dies half way, neither happens, and the next pull asks for the same page again;
 * moving the checkpoint first could skip changes for ever.
 */
export async function applyPullPage(db: LocalDatabase, page: PullResponse): Promise<void> {
  const puts = new Map<EntityType, Record<string, unknown>[]>()
  const deletes = new Map<EntityType, string[]>()
  const listIn = <V>(groups: Map<EntityType, V[]>, type: EntityType) => {
    let list = groups.get(type)
    if (!list) groups.set(type, (list = []))
    return list
  }
  for (const change of page.changes) {
    if (change.op === 'put') {
      const record: Record<string, unknown> = change.data
      if (searchableTypes.has(change.type)) record.searchText = searchTextOf(record)
      listIn(puts, change.type).push(record)
    } else {
      listIn(deletes, change.type).push(change.id)
    }
  }
  await db.transaction('rw', db.tables, async () => {
    // Small slices: each bulkPut serialises its records in one task, and a whole page
    // at once would hold the main thread for a few hundred milliseconds.
    for (const [type, records] of puts) {
      for (let start = 0; start < records.length; start += writeSlice) {
        await db.table(tableFor[type]).bulkPut(records.slice(start, start + writeSlice))
      }
    }
    for (const [type, ids] of deletes) await db.table(tableFor[type]).bulkDelete(ids)
    await db.meta.put({ key: 'checkpoint', value: page.checkpoint })
    // The server's copy does not have our unsent changes yet: lay them on top again.
    const waiting = await db.outbox.where('state').equals('waiting').sortBy('seq')
    for (const entry of waiting) await applyLocally(db, entry.mutation, entry.personId)
  })
}
