import type { Mutation } from '../../shared/sync/mutations'
import type { LocalDatabase } from '../db/database'
import { readMeta, writeMeta } from '../db/meta'
import { applyLocally, locallyChangedTables, undoLocally } from './local-effects'
import type { OutboxEntry, PendingUpload } from './outbox-types'

type Change = { [K in Mutation['kind']]: { kind: K; data: Extract<Mutation, { kind: K }>['data'] } }[Mutation['kind']]

async function deviceIdOf(db: LocalDatabase): Promise<string> {
  const known = await readMeta(db, 'deviceId')
  if (known) return known
  const made = crypto.randomUUID()
  await writeMeta(db, 'deviceId', made)
  return made
}

/**
 * Queues a change: it goes into the outbox and into the device's copy in one
 * transaction, so it shows at once and survives a reload, an app update or a crash.
 * Files go in with it, as bytes, before anything is sent.
 */
export async function queueChange(
  db: LocalDatabase,
  personId: string,
  change: Change,
  files: Omit<PendingUpload, 'mutationId' | 'sentBytes'>[] = [],
): Promise<OutboxEntry> {
  const deviceId = await deviceIdOf(db)
  const mutation = { id: crypto.randomUUID(), deviceId, madeAt: new Date().toISOString(), ...change } as Mutation
  const entry: OutboxEntry = { id: mutation.id, personId, mutation, state: 'waiting', attempts: 0 }
  await db.transaction('rw', [db.outbox, db.uploads, ...locallyChangedTables(db)], async () => {
    await db.outbox.add(entry)
    await db.uploads.bulkAdd(files.map((file) => ({ ...file, mutationId: mutation.id, sentBytes: 0 })))
    await applyLocally(db, mutation, personId)
  })
  return entry
}

/** Changes still waiting, oldest first. */
export const waitingChanges = (db: LocalDatabase) => db.outbox.where('state').equals('waiting').sortBy('seq')

/** Sends a refused change again, as it is (after, say, a manager assigned the work). */
export async function retryChange(db: LocalDatabase, seq: number): Promise<void> {
  await db.outbox.update(seq, { state: 'waiting', reason: undefined, attempts: 0 })
}

/**
 * Gives up a refused change: it leaves the outbox and the device's copy forgets it. What
 * it added is removed; what it changed comes back from the server on the next pull.
 */
export async function discardChange(db: LocalDatabase, seq: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.uploads, ...locallyChangedTables(db)], async () => {
    const entry = await db.outbox.get(seq)
    if (!entry) return
    await db.outbox.delete(seq)
    await db.uploads.where('mutationId').equals(entry.id).delete()
    await undoLocally(db, entry.mutation)
  })
}
