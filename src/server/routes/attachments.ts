import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import { allowedAttachmentTypes, maxAttachmentBytes, uploadChunkBytes } from '../../shared/attachments'
import { contentMatchesType } from '../../shared/file-signatures'
import { HttpError, parseInput } from '../http/errors'
import { requireViewer, viewerOf } from '../auth/viewer'
import type { AttachmentStore } from '../attachments/folder-store'

const params = z.object({ id: z.uuid('The attachment id must be a UUID made on the device.') })
const chunkQuery = z.object({
  offset: z.coerce.number().int().nonnegative(),
  size: z.coerce.number().int().positive().max(maxAttachmentBytes, `Files can be at most ${maxAttachmentBytes / 1024 / 1024} MB.`),
  name: z.string().trim().min(1).max(255),
  type: z.string().refine((type) => allowedAttachmentTypes.includes(type), 'This type of file cannot be attached.'),
})

interface Row {
  org_id: string
  uploaded_by: string
  size: number
  received_bytes: number
  media_type: string
  name: string
  evidence_id: string | null
}

/**
 * Uploads in chunks, each at the offset the device claims: a chunk sent twice, or
 * after a dropped connection, is answered with how much the server already has, and
 * the device carries on from there. Nothing is published until evidence uses it.
 */
export function attachmentRoutes(db: Database, store: AttachmentStore) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: uploadChunkBytes * 2 }, (_request, body, done) =>
      done(null, body),
    )

    app.get('/attachments/:id/status', async (request) => {
      const { id } = parseInput(params, request.params)
      const viewer = viewerOf(request)
      const rows = await db.query<Row>('select * from attachments where id = $1 and uploaded_by = $2', [id, viewer.person.id])
      const row = rows[0]
      if (!row) throw new HttpError(404, 'not_found', 'The server has none of this file yet.')
      return { receivedBytes: Number(row.received_bytes), size: Number(row.size) }
    })

    app.put('/attachments/:id/chunks', async (request, reply) => {
      const { id } = parseInput(params, request.params)
      const query = parseInput(chunkQuery, request.query)
      const viewer = viewerOf(request)
      if (viewer.person.role === 'viewer') throw new HttpError(403, 'read_only', 'Your account can read the plan but not add evidence.')
      const chunk = request.body
      if (!(chunk instanceof Buffer) || chunk.length === 0) throw new HttpError(400, 'empty_chunk', 'Send the bytes of the file as application/octet-stream.')
      if (query.offset + chunk.length > query.size) throw new HttpError(400, 'too_long', 'This chunk goes past the end of the file.')
      if (query.offset === 0 && !contentMatchesType(chunk, query.type)) {
        throw new HttpError(415, 'wrong_content', `“${query.name}” is not really a ${query.type} file, so it cannot be attached.`)
      }

      return db.transaction(async (tx) => {
        await tx.query(
          `insert into attachments (id, org_id, name, media_type, size, uploaded_by)
           values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`,
          [id, viewer.orgId, query.name, query.type, query.size, viewer.person.id],
        )
        const rows = await tx.query<Row>('select * from attachments where id = $1 for update', [id])
        const row = rows[0]!
        if (row.uploaded_by !== viewer.person.id || row.org_id !== viewer.orgId) {
          throw new HttpError(409, 'id_taken', 'This attachment id is already in use.')
        }
        if (Number(row.size) !== query.size || row.media_type !== query.type) {
          throw new HttpError(409, 'changed_file', 'This upload was started with a different file.')
        }
        const received = Number(row.received_bytes)
        if (query.offset !== received) {
          // Resumes and repeats land here: tell the device where to carry on.
          reply.status(409)
          return { error: { code: 'offset_mismatch', message: `The server has ${received} bytes; continue from there.` }, receivedBytes: received, size: query.size }
        }
        await store.write(id, query.offset, chunk)
        await tx.query('update attachments set received_bytes = $2 where id = $1', [id, received + chunk.length])
        return { receivedBytes: received + chunk.length, size: query.size }
      })
    })

    app.get('/attachments/:id', async (request, reply) => {
      const { id } = parseInput(params, request.params)
      const viewer = viewerOf(request)
      const rows = await db.query<Row>('select * from attachments where id = $1 and org_id = $2', [id, viewer.orgId])
      const row = rows[0]
      const visible = row && (row.evidence_id !== null || row.uploaded_by === viewer.person.id) && Number(row.received_bytes) === Number(row.size)
      if (!visible) throw new HttpError(404, 'not_found', 'There is no such attachment.')
      reply
        .header('content-type', row.media_type)
        .header('content-length', String(row.size))
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        .header('cache-control', 'private, max-age=31536000, immutable')
      return reply.send(store.read(id))
    })
  }
}
