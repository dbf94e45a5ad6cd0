import { createReadStream } from 'node:fs'
import { mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'

/**
 * Attachment bytes in a folder, one file per attachment, written at the offset each
 * chunk claims. (Object storage would sit behind the same three methods.)
 */
export interface AttachmentStore {
  write(id: string, offset: number, bytes: Uint8Array): Promise<void>
  read(id: string): Readable
}

export function folderStore(dir: string): AttachmentStore {
  const pathOf = (id: string) => join(dir, id)
  let ready: Promise<unknown> | undefined
  return {
    async write(id, offset, bytes) {
      ready ??= mkdir(dir, { recursive: true })
      await ready
      const file = await open(pathOf(id), offset === 0 ? 'w' : 'r+')
      try {
        await file.write(bytes, 0, bytes.length, offset)
        await file.sync()
      } finally {
        await file.close()
      }
    },
    read: (id) => createReadStream(pathOf(id)),
  }
}
