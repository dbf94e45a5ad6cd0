import { Readable } from 'node:stream'
import type { Queryable } from '../db/database'
import type { AttachmentStore } from './store'

/** Chunks read per query when serving a file: a few megabytes in memory at a time. */
const chunksPerRead = 8

/**
 * Attachment bytes in PostgreSQL, one row per chunk (migration 0007), so every replica
 * reads what any replica wrote, and a chunk commits or rolls back with its upload's
 * progress.
 */
export function postgresStore(db: Queryable): AttachmentStore {
  return {
    kind: 'postgres',
    writeChunk: (tx, chunk) => keepChunk(tx, chunk),
    read: async (id) => Readable.from(storedChunks(db, id)),
    // Chunk rows are deleted with their attachment rows (on delete cascade).
    discard: async () => undefined,
  }
}

export async function keepChunk(
  tx: Queryable,
  chunk: { id: string; offset: number; bytes: Uint8Array },
): Promise<void> {
  await tx.query('insert into attachment_chunks (attachment_id, start_byte, bytes) values ($1, $2, $3)', [
    chunk.id,
    chunk.offset,
    chunk.bytes,
  ])
}

/** The chunks of one upload in order, fetched a page at a time. */
export async function* storedChunks(db: Queryable, id: string): AsyncGenerator<Buffer> {
  let from = 0
  for (;;) {
    const rows = await db.query<{ start_byte: number; bytes: Uint8Array }>(
      'select start_byte, bytes from attachment_chunks where attachment_id = $1 and start_byte >= $2 order by start_byte limit $3',
      [id, from, chunksPerRead],
    )
    for (const row of rows) yield Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength)
    const last = rows.at(-1)
    if (!last || rows.length < chunksPerRead) return
    from = last.start_byte + last.bytes.byteLength
  }
}
