import type { PushResponse } from '../../shared/sync/mutations'
import type { LocalDatabase } from '../db/database'
import { api, ApiRefusal } from './api'
import { waitingChanges } from './outbox'
import { uploadFile, UploadRefused, type UploadProgress } from './upload'

import { maxPushBatch } from '../../shared/sync/limits'

const batchSize = maxPushBatch

async function refuse(db: LocalDatabase, mutationId: string, reason: string) {
  await db.outbox.where('id').equals(mutationId).modify({ state: 'refused', reason })
}

/**
 * Sends the outbox, oldest first, until it is empty or the network fails. A change is
 * deleted only after the server has answered for it; a refused one stays, with the
 * server's reason, and the rest carry on. Files go first, in their own requests; a
 * change waits for its files.
 */
export async function pushAll(db: LocalDatabase, onUpload: (progress: UploadProgress) => void = () => undefined): Promise<number> {
  let sent = 0
  for (;;) {
    const waiting = await waitingChanges(db)
    if (!waiting.length) return sent
    for (const upload of await db.uploads.where('mutationId').anyOf(waiting.map((e) => e.id)).toArray()) {
      if (upload.sentBytes >= upload.size) continue
      try {
        await uploadFile(db, upload, onUpload)
      } catch (error) {
        if (!(error instanceof UploadRefused)) throw error
        await refuse(db, error.mutationId, error.message)
      }
    }
    // The state index keeps equal keys in outbox order, so this is the oldest waiting.
    const batch = await db.outbox.where('state').equals('waiting').limit(batchSize).toArray()
    if (!batch.length) return sent
    let response: PushResponse
    try {
      response = await api<PushResponse>('/sync/push', { method: 'POST', body: { mutations: batch.map((entry) => entry.mutation) } })
    } catch (error) {
      // A whole batch refused (say, a viewer's account): no retry will change that.
      if (error instanceof ApiRefusal && error.status !== 401 && error.status !== 429) {
        await db.transaction('rw', db.outbox, () => Promise.all(batch.map((entry) => refuse(db, entry.id, error.message))))
        continue
      }
      throw error
    }
    const seqOf = new Map(batch.map((entry) => [entry.id, entry.seq!]))
    await db.transaction('rw', db.outbox, async () => {
      const refused = response.results.filter((r) => r.outcome === 'refused')
      for (const result of refused) await refuse(db, result.id, result.reason ?? 'The server refused this change.')
      await db.outbox.bulkDelete(response.results.filter((r) => r.outcome !== 'refused').flatMap((r) => seqOf.get(r.id) ?? []))
    })
    sent += response.results.filter((r) => r.outcome !== 'refused').length
  }
}
