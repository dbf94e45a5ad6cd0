import type { PushResponse } from '../../shared/sync/mutations'
import type { LocalDatabase } from '../db/database'
import type { OutboxEntry } from './outbox-types'
import { api, ApiRefusal, ServerFailed } from './api'
import { waitingChanges } from './outbox'
import { uploadFile, UploadRefused, type UploadProgress } from './upload'

import { maxPushBatch } from '../../shared/sync/limits'

const batchSize = maxPushBatch
/** Failures of the server on a batch before its changes go one at a time. */
export const batchTries = 3
/** Then failures on one change sent alone before it is set aside. */
export const aloneTries = 3
export const serverFailedReason =
  'The server could not process this change, so it was set aside to let your other changes through. Try it again later, or discard it.'

async function refuse(db: LocalDatabase, mutationId: string, reason: string) {
  await db.outbox.where('id').equals(mutationId).modify({ state: 'refused', reason })
}

/** Counts a failure of the server against each change just sent; network errors are never counted. */
async function countFailure(db: LocalDatabase, batch: OutboxEntry[]) {
  await db.outbox.bulkUpdate(batch.map((entry) => ({ key: entry.seq!, changes: { attempts: entry.attempts + 1 } })))
  for (const entry of batch) entry.attempts += 1
}

/**
 * Sends the outbox, oldest first, until it is empty or the network fails. A change is
 * deleted only after the server has answered for it; a refused one stays, with the
 * server's reason, and the rest carry on. Files go first, in their own requests; a
 * change waits for its files.
 *
 * A batch the server fails on (a 5xx in its own words) is tried again, the caller
 * backing off; after `batchTries` failures its changes go one at a time. One that still
 * fails alone `aloneTries` more times is a suspect: it is set aside, with a reason,
 * as soon as the server takes another change. So one change the server cannot process
 * never holds back the rest, and a server that fails on everything (its database down,
 * a bad deploy) sets nothing aside.
 */
export async function pushAll(
  db: LocalDatabase,
  onUpload: (progress: UploadProgress) => void = () => undefined,
): Promise<number> {
  let sent = 0
  const suspects: OutboxEntry[] = []
  let suspectFailure: ServerFailed | undefined
  const notSuspect = (entry: OutboxEntry) => !suspects.some((s) => s.seq === entry.seq)
  for (;;) {
    const waiting = (await waitingChanges(db)).filter(notSuspect)
    if (!waiting.length) {
      if (suspectFailure) throw suspectFailure
      return sent
    }
    for (const upload of await db.uploads
      .where('mutationId')
      .anyOf(waiting.map((e) => e.id))
      .toArray()) {
      if (upload.sentBytes >= upload.size) continue
      try {
        await uploadFile(db, upload, onUpload)
      } catch (error) {
        if (!(error instanceof UploadRefused)) throw error
        await refuse(db, error.mutationId, error.message)
      }
    }
    // The state index keeps equal keys in outbox order, so this is the oldest waiting.
    const oldest = (
      await db.outbox
        .where('state')
        .equals('waiting')
        .limit(batchSize + suspects.length)
        .toArray()
    )
      .filter(notSuspect)
      .slice(0, batchSize)
    if (!oldest.length) continue
    const batch = oldest[0]!.attempts >= batchTries ? oldest.slice(0, 1) : oldest
    let response: PushResponse
    try {
      response = await api<PushResponse>('/sync/push', {
        method: 'POST',
        body: { mutations: batch.map((entry) => entry.mutation) },
      })
    } catch (error) {
      if (error instanceof ServerFailed) {
        await countFailure(db, batch)
        if (batch.length > 1 || batch[0]!.attempts < batchTries + aloneTries) throw error
        suspects.push(batch[0]!)
        suspectFailure = error
        continue
      }
      // A whole batch refused (say, a viewer's account): no retry will change that.
      if (error instanceof ApiRefusal && error.status !== 401 && error.status !== 429) {
        await db.transaction('rw', db.outbox, () =>
          Promise.all(batch.map((entry) => refuse(db, entry.id, error.message))),
        )
        continue
      }
      throw error
    }
    sent += await settle(db, batch, response)
    // The server took this push, so it is well: the suspects fail for what they carry.
    for (const suspect of suspects.splice(0)) await refuse(db, suspect.id, serverFailedReason)
    suspectFailure = undefined
  }
}

/**
 * Deletes the changes the server took and marks the ones it refused; returns how many it
 * took. Ids are matched in lower case, the form the server answers in.
 */
async function settle(db: LocalDatabase, batch: OutboxEntry[], response: PushResponse): Promise<number> {
  const byId = new Map(batch.map((entry) => [entry.id.toLowerCase(), entry]))
  const entryOf = (id: string) => byId.get(id.toLowerCase())
  const taken = response.results.filter((r) => r.outcome !== 'refused')
  await db.transaction('rw', db.outbox, async () => {
    for (const result of response.results.filter((r) => r.outcome === 'refused')) {
      const entry = entryOf(result.id)
      if (entry)
        await db.outbox.update(entry.seq!, {
          state: 'refused',
          reason: result.reason ?? 'The server refused this change.',
        })
    }
    await db.outbox.bulkDelete(taken.flatMap((r) => entryOf(r.id)?.seq ?? []))
  })
  return taken.length
}
