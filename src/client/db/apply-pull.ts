import type { Table } from 'dexie'
import type { EntityType, HistoryEntry, ProgressUpdate } from '../../shared/entities'
import type { EssentialsProgress, PullResponse } from '../../shared/sync/protocol'
import { essentialsKey, searchableTypes, tableFor, type LocalDatabase } from './database'
import { deleteHistory, deleteUpdates, putHistory, putUpdates } from './grouped'
import { searchTextOf } from './search-text'
import { applyLocally } from '../sync/local-effects'
import { isEssential } from '../../shared/sync/essentials'

const writeSlice = 250

/** Where the device's pull has got to: every change up to `checkpoint`, and during a first sync the essential records up to theirs. */
export interface PullPosition {
  checkpoint: number
  essentials?: EssentialsProgress
}

export async function readPullPosition(db: LocalDatabase): Promise<PullPosition> {
  const [checkpoint, essentials] = await db.meta.bulkGet(['checkpoint', essentialsKey])
  const position: PullPosition = { checkpoint: (checkpoint?.value as number | undefined) ?? 0 }
  if (essentials) position.essentials = essentials.value as EssentialsProgress
  return position
}

/** The position once `page` is written: the essentials' progress is dropped when the checkpoint has caught up with it. */
export function positionAfter(before: PullPosition, page: PullResponse): PullPosition {
  const essentials = page.essentials ?? before.essentials
  if (!essentials || (essentials.complete && page.checkpoint >= essentials.checkpoint))
    return { checkpoint: page.checkpoint }
  return { checkpoint: page.checkpoint, essentials }
}

/**
 * Writes one page of a pull and moves the checkpoint (and a first sync's progress with the
 * essential records), in one transaction. If the tab dies half way, neither happens, and
 * the next pull asks for the same page again; moving the checkpoint first could skip
 * changes for ever. The page that completes a first sync's essential records is written
 * as two such transactions, so My team shows them without waiting for the rest of the
 * page: after the first, every change is on the device up to the last essential record
 * or just before the first of the rest, whichever is earlier.
 */
export async function applyPullPage(db: LocalDatabase, page: PullResponse): Promise<void> {
  const split = page.essentials?.complete
    ? page.changes.findIndex((change) => !isEssential(change.type) || change.version > page.essentials!.checkpoint)
    : -1
  if (split > 0) {
    const rest = page.changes[split]!
    await applyPart(db, {
      ...page,
      changes: page.changes.slice(0, split),
      checkpoint: Math.min(page.essentials!.checkpoint, rest.version - 1),
      hasMore: true,
    })
    await applyPart(db, { ...page, changes: page.changes.slice(split) })
  } else {
    await applyPart(db, page)
  }
}

async function applyPart(db: LocalDatabase, page: PullResponse): Promise<void> {
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
  // Only the tables the page writes, so a screen reading others (My team, while a first
  // sync brings milestones and history) is not queued behind every page. Unsent changes
  // are laid on top again after the server's copy, and may touch other tables: if there
  // are any, the page is written again over every table.
  const written = new Set<string>([
    'meta',
    'outbox',
    ...[...puts.keys(), ...deletes.keys()].map((type) => tableFor[type]),
  ])
  try {
    await writePage(
      db,
      page,
      puts,
      deletes,
      db.tables.filter((table) => written.has(table.name)),
    )
  } catch (error) {
    if (!(error instanceof ChangesWaiting)) throw error
    await writePage(db, page, puts, deletes, db.tables)
  }
}

class ChangesWaiting extends Error {}

async function writePage(
  db: LocalDatabase,
  page: PullResponse,
  puts: Map<EntityType, Record<string, unknown>[]>,
  deletes: Map<EntityType, string[]>,
  tables: Table[],
): Promise<void> {
  await db.transaction('rw', tables, async () => {
    // Checked first, in the transaction, so a change queued meanwhile cannot be missed.
    const waiting = await db.outbox.where('state').equals('waiting').sortBy('seq')
    if (waiting.length && tables.length < db.tables.length) throw new ChangesWaiting()
    // Small slices: each bulkPut serialises its records in one task, and a whole page
    // at once would hold the main thread for a few hundred milliseconds.
    for (const [type, records] of puts) {
      if (type === 'history') await putHistory(db, records as HistoryEntry[])
      else if (type === 'progressUpdate') await putUpdates(db, records as ProgressUpdate[])
      else {
        for (let start = 0; start < records.length; start += writeSlice) {
          await db.table(tableFor[type]).bulkPut(records.slice(start, start + writeSlice))
        }
      }
    }
    for (const [type, ids] of deletes) {
      if (type === 'history') await deleteHistory(db, ids)
      else if (type === 'progressUpdate') await deleteUpdates(db, ids)
      else await db.table(tableFor[type]).bulkDelete(ids)
    }
    const position = positionAfter(await readPullPosition(db), page)
    await db.meta.put({ key: 'checkpoint', value: position.checkpoint })
    if (position.essentials) await db.meta.put({ key: essentialsKey, value: position.essentials })
    else await db.meta.delete(essentialsKey)
    // The server's copy does not have our unsent changes yet: lay them on top again.
    for (const entry of waiting) await applyLocally(db, entry.mutation, entry.personId)
  })
}
