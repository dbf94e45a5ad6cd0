import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database, Queryable } from '../db/database'
import { allowedAttachmentTypes, maxAttachmentBytes, uploadChunkBytes } from '../../shared/attachments'
import { contentMatchesType } from '../../shared/file-signatures'
import { pgText, uuid } from '../../shared/pg-values'
import { HttpError, parseInput } from '../http/errors'
import { requireViewer, viewerOf, type Viewer } from '../auth/viewer'
import type { AttachmentStore } from '../attachments/store'
import { defaultUploadQuotaBytes, heldUploadBytes, uploadIdleDays } from '../attachments/uploads'

const params = z.object({ id: uuid('The attachment id must be a UUID made on the device.') })
const chunkQuery = z.object({
  offset: z.coerce.number().int().nonnegative(),
  size: z.coerce
    .number()
    .int()
    .positive()
    .max(maxAttachmentBytes, `Files can be at most ${maxAttachmentBytes / 1024 / 1024} MB.`),
  name: pgText(255, { trim: true }).min(1),
  type: z.string().refine((type) => allowedAttachmentTypes.includes(type), 'This type of file cannot be attached.'),
})
type ChunkQuery = z.output<typeof chunkQuery>

interface Row {
  org_id: string
  uploaded_by: string
  size: number
  received_bytes: number
  media_type: string
  name: string
  evidence_id: string | null
}

// Any fixed number (migrate.ts holds another): with the person's id, it makes one person's chunks take turns.
const quotaLock = 727_002

/** A chunk at another offset than the server's: answered with where to carry on, after its transaction is undone. */
class OffsetMismatch extends Error {
  constructor(readonly receivedBytes: number) {
    super('offset mismatch')
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Uploads in chunks, each at the offset the device claims: a chunk sent twice, or
 * after a dropped connection, is answered with how much the server already has, and
 * the device carries on from there. Nothing is published until evidence uses it.
 */
export function attachmentRoutes(db: Database, store: AttachmentStore, quotaBytes = defaultUploadQuotaBytes) {
  /** Keeps one chunk and the upload's progress in one transaction; any refusal undoes both. */
  async function acceptChunk(tx: Queryable, viewer: Viewer, id: string, query: ChunkQuery, chunk: Buffer) {
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [quotaLock, viewer.person.id])
    await tx.query(
      `insert into attachments (id, org_id, name, media_type, size, uploaded_by)
       values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`,
      [id, viewer.orgId, query.name, query.type, query.size, viewer.person.id],
    )
    const rows = await tx.query<Row>('select * from attachments where id = $1 for update', [id])
    const row = rows[0]
    // Swept as expired between the insert and the lock: the device starts again.
    if (!row) throw new OffsetMismatch(0)
    if (row.uploaded_by !== viewer.person.id || row.org_id !== viewer.orgId) {
      throw new HttpError(409, 'id_taken', 'This attachment id is already in use.')
    }
    if (Number(row.size) !== query.size || row.media_type !== query.type) {
      throw new HttpError(409, 'changed_file', 'This upload was started with a different file.')
    }
    const received = Number(row.received_bytes)
    // Resumes and repeats land here: tell the device where to carry on.
    if (query.offset !== received) throw new OffsetMismatch(received)
    const held = await heldUploadBytes(tx, viewer.person.id, id)
    if (held + chunk.length > quotaBytes) {
      throw new HttpError(
        413,
        'upload_quota',
        `You have ${megabytes(held)} of files uploaded but not yet saved as evidence, and one person can hold at most ${megabytes(quotaBytes)}. ` +
          `Let the evidence already waiting finish sending, then try again; files left unused for ${uploadIdleDays} days are removed.`,
      )
    }
    await store.writeChunk(tx, {
      id,
      offset: received,
      bytes: chunk,
      completes: received + chunk.length === query.size,
    })
    await tx.query('update attachments set received_bytes = $2, last_chunk_at = now() where id = $1', [
      id,
      received + chunk.length,
    ])
    return { receivedBytes: received + chunk.length, size: query.size }
  }

  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: uploadChunkBytes * 2 },
      (_request, body, done) => done(null, body),
    )

    app.get('/attachments/:id/status', async (request) => {
      const { id } = parseInput(params, request.params)
      const viewer = viewerOf(request)
      const rows = await db.query<Row>('select * from attachments where id = $1 and uploaded_by = $2', [
        id,
        viewer.person.id,
      ])
      const row = rows[0]
      if (!row) throw new HttpError(404, 'not_found', 'The server has none of this file yet.')
      return { receivedBytes: Number(row.received_bytes), size: Number(row.size) }
    })

    app.put('/attachments/:id/chunks', async (request, reply) => {
      const { id } = parseInput(params, request.params)
      const query = parseInput(chunkQuery, request.query)
      const viewer = viewerOf(request)
      if (viewer.person.role === 'viewer')
        throw new HttpError(403, 'read_only', 'Your account can read the plan but not add evidence.')
      const chunk = request.body
      if (!(chunk instanceof Buffer) || chunk.length === 0)
        throw new HttpError(400, 'empty_chunk', 'Send the bytes of the file as application/octet-stream.')
      if (query.offset + chunk.length > query.size)
        throw new HttpError(400, 'too_long', 'This chunk goes past the end of the file.')
      if (query.offset === 0 && !contentMatchesType(chunk, query.type)) {
        throw new HttpError(
          415,
          'wrong_content',
          `“${query.name}” is not really a ${query.type} file, so it cannot be attached.`,
        )
      }
      try {
        return await db.transaction((tx) => acceptChunk(tx, viewer, id, query, chunk))
      } catch (error) {
        if (!(error instanceof OffsetMismatch)) throw error
        const { receivedBytes } = error
        reply.status(409)
        return {
          error: { code: 'offset_mismatch', message: `The server has ${receivedBytes} bytes; continue from there.` },
          receivedBytes,
          size: query.size,
        }
      }
    })

    app.get('/attachments/:id', async (request, reply) => {
      const { id } = parseInput(params, request.params)
      const viewer = viewerOf(request)
      const rows = await db.query<Row>('select * from attachments where id = $1 and org_id = $2', [id, viewer.orgId])
      const row = rows[0]
      const visible =
        row &&
        (row.evidence_id !== null || row.uploaded_by === viewer.person.id) &&
        Number(row.received_bytes) === Number(row.size)
      if (!visible) throw new HttpError(404, 'not_found', 'There is no such attachment.')
      const bytes = await store.read(id)
      reply
        .header('content-type', row.media_type)
        .header('content-length', String(row.size))
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        // The device keeps what it needs in IndexedDB, which signing out clears; no other cache may keep a copy.
        .header('cache-control', 'no-store')
      return reply.send(bytes)
    })
  }
}
