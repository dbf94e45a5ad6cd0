import type { Table } from 'dexie'
import type { HistoryEntry, ProgressUpdate } from '../../shared/entities'
import { noActionKey, type ActionGroup, type HistoryGroup, type LocalDatabase, type UpdateGroup } from './database'

/**
 * History and progress updates on the device, one row per action (database version 7).
 * Writers merge records into their action's row by id, so writing a record twice changes
 * nothing; readers take the entries back out. Must run inside a transaction that includes
 * the table it touches when it is part of a larger write.
 */

/** Records per bulkPut: each one serialises its rows in one task on the main thread. */
const writeSlice = 250

const unique = (ids: string[]) => [...new Set(ids)]

const historyRow = (actionId: string, entries: HistoryEntry[]): HistoryGroup => ({
  actionId,
  entries,
  personIds: unique(entries.map((entry) => entry.personId)),
  entityIds: unique(entries.map((entry) => entry.entityId)),
})

const updateRow = (actionId: string, entries: ProgressUpdate[]): UpdateGroup => ({ actionId, entries })

async function merge<T extends { id: string; actionId: string | null }, R extends ActionGroup<T>>(
  table: Table<R, string>,
  rowOf: (actionId: string, entries: T[]) => R,
  records: T[],
): Promise<void> {
  const byAction = new Map<string, T[]>()
  for (const record of records) {
    const key = record.actionId ?? noActionKey
    let list = byAction.get(key)
    if (!list) byAction.set(key, (list = []))
    list.push(record)
  }
  const keys = [...byAction.keys()]
  const existing = await table.bulkGet(keys)
  const rows = keys.map((key, i) => {
    const entries = new Map((existing[i]?.entries ?? []).map((entry) => [entry.id, entry]))
    for (const record of byAction.get(key)!) entries.set(record.id, record)
    return rowOf(key, [...entries.values()])
  })
  let slice: R[] = []
  let size = 0
  for (const row of rows) {
    slice.push(row)
    size += row.entries.length
    if (size >= writeSlice) {
      await table.bulkPut(slice)
      slice = []
      size = 0
    }
  }
  if (slice.length) await table.bulkPut(slice)
}

/**
 * Takes records out of whichever rows hold them. A delete names only the record, so the
 * rows are scanned: the server does not delete history or updates, and a device discards
 * its own update rarely (it knows the action then, and passes it).
 */
async function remove<T extends { id: string }, R extends ActionGroup<T>>(
  table: Table<R, string>,
  rowOf: (actionId: string, entries: T[]) => R,
  ids: string[],
  actionId?: string,
): Promise<void> {
  const gone = new Set(ids)
  const holding = actionId === undefined ? table.toCollection() : table.where(':id').equals(actionId)
  const rows = await holding.filter((row) => row.entries.some((entry) => gone.has(entry.id))).toArray()
  for (const row of rows) {
    const entries = row.entries.filter((entry) => !gone.has(entry.id))
    if (entries.length) await table.put(rowOf(row.actionId, entries))
    else await table.delete(row.actionId)
  }
}

export const putHistory = (db: LocalDatabase, records: HistoryEntry[]) => merge(db.historyByAction, historyRow, records)
export const deleteHistory = (db: LocalDatabase, ids: string[]) => remove(db.historyByAction, historyRow, ids)
export const putUpdates = (db: LocalDatabase, records: ProgressUpdate[]) =>
  merge(db.updatesByAction, updateRow, records)
export const deleteUpdates = (db: LocalDatabase, ids: string[], actionId?: string) =>
  remove(db.updatesByAction, updateRow, ids, actionId)

/** An action's progress updates, in no order. */
export const updatesOfAction = async (db: LocalDatabase, actionId: string): Promise<ProgressUpdate[]> =>
  (await db.updatesByAction.get(actionId))?.entries ?? []

/** An action's history, in no order. */
export const historyOfAction = async (db: LocalDatabase, actionId: string): Promise<HistoryEntry[]> =>
  (await db.historyByAction.get(actionId))?.entries ?? []

/** The history made by one person, in no order. */
export async function historyByPerson(db: LocalDatabase, personId: string): Promise<HistoryEntry[]> {
  const rows = await db.historyByAction.where('personIds').equals(personId).toArray()
  return rows.flatMap((row) => row.entries.filter((entry) => entry.personId === personId))
}

/** The history of the given actions and milestones, in no order. */
export async function historyOfEntities(db: LocalDatabase, entityIds: string[]): Promise<HistoryEntry[]> {
  const wanted = new Set(entityIds)
  // A row holding two of them is found twice by the multi-entry index.
  const rows = await db.historyByAction.where('entityIds').anyOf(entityIds).distinct().toArray()
  return rows.flatMap((row) => row.entries.filter((entry) => wanted.has(entry.entityId)))
}
