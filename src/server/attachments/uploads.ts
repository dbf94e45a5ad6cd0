import type { Database, Queryable } from '../db/database'
import type { AttachmentStore } from './store'

/** An upload not yet used by evidence expires after this many days without a chunk. */
export const uploadIdleDays = 7
/** Bytes one person may hold in uploads not yet used by evidence. */
export const defaultUploadQuotaBytes = 200 * 1024 * 1024

/** UPLOAD_QUOTA_MB, if set; undefined means the default. */
export function uploadQuotaFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  if (env.UPLOAD_QUOTA_MB === undefined) return undefined
  const megabytes = Number(env.UPLOAD_QUOTA_MB)
  if (!(megabytes > 0)) throw new Error('UPLOAD_QUOTA_MB must be a number of megabytes above 0.')
  return megabytes * 1024 * 1024
}

const idleSince = `now() - interval '${uploadIdleDays} days'`
/**
 * SQL: this `attachments` row is live. Expiry is decided here rather than by when the
 * sweep happens to run: an expired upload can no longer be published, and no longer
 * counts against its uploader's quota, even while its bytes wait for the sweep.
 */
export const liveUpload = `(evidence_id is not null or last_chunk_at > ${idleSince})`
const expiredUpload = `evidence_id is null and last_chunk_at <= ${idleSince}`

const sweepBatch = 100

/**
 * Deletes expired uploads and their bytes, a batch per transaction. Safe on several
 * replicas at once: rows are taken `for update skip locked`, so each replica sweeps
 * others' leftovers and none waits on another, or on a chunk or push holding a row.
 */
export async function sweepExpiredUploads(db: Database, store: AttachmentStore): Promise<number> {
  let swept = 0
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `select id from attachments where ${expiredUpload} order by last_chunk_at limit $1 for update skip locked`,
        [sweepBatch],
      )
      const ids = rows.map((r) => r.id)
      if (ids.length) {
        await store.discard(tx, ids)
        await tx.query('delete from attachments where id = any($1::uuid[])', [ids])
      }
      return ids.length
    })
    swept += done
    if (done < sweepBatch) return swept
  }
}

/** Sweeps now and then every `everyMs`; returns a function that stops it. */
export function startUploadSweep(
  db: Database,
  store: AttachmentStore,
  onError: (error: unknown) => void,
  everyMs = 60 * 60 * 1000,
): () => void {
  const sweep = () => void sweepExpiredUploads(db, store).catch(onError)
  sweep()
  const timer = setInterval(sweep, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

/** What one person holds in live uploads not yet used by evidence, counting `id` whatever its age. */
export async function heldUploadBytes(tx: Queryable, personId: string, id: string): Promise<number> {
  const rows = await tx.query<{ held: number }>(
    `select coalesce(sum(received_bytes), 0)::bigint as held from attachments
      where uploaded_by = $1 and evidence_id is null and (last_chunk_at > ${idleSince} or id = $2)`,
    [personId, id],
  )
  return rows[0]!.held
}
