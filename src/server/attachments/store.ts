import type { Readable } from 'node:stream'
import type { Queryable } from '../db/database'

/**
 * Where the bytes of attachments are kept. Every write happens inside the transaction
 * that records the upload's progress, so a chunk that is refused, or whose transaction
 * fails, leaves nothing behind.
 */
export interface AttachmentStore {
  readonly kind: 'postgres' | 's3'
  /** Keeps one chunk; `completes` marks the chunk that makes the file whole. */
  writeChunk(tx: Queryable, chunk: { id: string; offset: number; bytes: Uint8Array; completes: boolean }): Promise<void>
  /** The bytes of a whole upload, in order. */
  read(id: string): Promise<Readable>
  /** Removes what is kept outside PostgreSQL for uploads whose rows `tx` deletes (their chunk rows go with them). */
  discard(tx: Queryable, ids: string[]): Promise<void>
}
