import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { folderStore } from '../../src/server/attachments/folder-store'

/** A real attachment folder under the system's temp directory. */
export function tempAttachmentStore(): { store: ReturnType<typeof folderStore>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gt-attachments-'))
  return { store: folderStore(dir), dir }
}
