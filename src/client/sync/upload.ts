import { uploadChunkBytes } from '../../shared/attachments'
import type { LocalDatabase } from '../db/database'
import { refusalOf, Unreachable } from './api'
import type { PendingUpload } from './outbox-types'

export interface UploadProgress {
  id: string
  name: string
  sentBytes: number
  size: number
}

/** Raised when the server will never take this file; the change that needs it is refused. */
export class UploadRefused extends Error {
  constructor(
    readonly mutationId: string,
    message: string,
  ) {
    super(message)
  }
}

async function send(path: string, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, { credentials: 'same-origin', ...init })
  } catch (error) {
    throw new Unreachable(error instanceof Error ? error.message : 'The server could not be reached.')
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (response.status >= 500) throw new Unreachable(`The server answered ${response.status}.`)
  return { status: response.status, body }
}

const messageOf = (body: Record<string, unknown>, fallback: string) =>
  (body.error as { message?: string } | undefined)?.message ?? fallback

/**
 * Sends one file in chunks, resuming wherever the server got to, so a dropped
 * connection costs at most one chunk. Progress is saved on the device after each chunk.
 */
export async function uploadFile(
  db: LocalDatabase,
  upload: PendingUpload,
  onProgress: (p: UploadProgress) => void,
): Promise<void> {
  // Start where this device last heard the server got to; if the server has more (or
  // less), its 409 answer says how much, and the loop carries on from there.
  let offset = upload.sentBytes
  while (offset < upload.size) {
    onProgress({ id: upload.id, name: upload.name, sentBytes: offset, size: upload.size })
    const chunk = upload.bytes.slice(offset, offset + uploadChunkBytes)
    const query = new URLSearchParams({
      offset: String(offset),
      size: String(upload.size),
      name: upload.name,
      type: upload.mediaType,
    })
    const { status: code, body } = await send(`/attachments/${upload.id}/chunks?${query}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: chunk,
    })
    if (code === 200 || code === 409) {
      if (code === 409 && body.receivedBytes === undefined)
        throw new UploadRefused(upload.mutationId, messageOf(body, 'The server refused this file.'))
      offset = Number(body.receivedBytes)
      await db.uploads.update(upload.id, { sentBytes: offset })
    } else if (code === 401) {
      throw await refusalOf(401, body)
    } else {
      // 400, 403, 413, 415: sending it again would get the same answer.
      throw new UploadRefused(upload.mutationId, messageOf(body, `The server refused “${upload.name}”.`))
    }
  }
  onProgress({ id: upload.id, name: upload.name, sentBytes: upload.size, size: upload.size })
}
