import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue'
import { localDb } from '../../db/database'
import type { PendingUpload } from '../../sync/outbox-types'
import type { EvidenceAttachment, EvidenceItem } from './queries'

export const photosOf = (item: EvidenceItem) => item.attachments.filter((a) => a.isPhoto)
export const serverUrl = (attachmentId: string) => `/api/attachments/${encodeURIComponent(attachmentId)}`

/**
 * Where each photo in `items` is shown from. Photos this device made are shown from its own
 * bytes, so they show offline and before they are sent. Object URLs are made once per photo
 * and revoked when it leaves the list or the component using this goes away.
 */
export function useLocalPhotos(items: Ref<EvidenceItem[] | undefined>) {
  const objectUrls = new Map<string, string>()
  /** Photos whose local bytes could not be read: they come from the server instead. */
  const unreadable = new Set<string>()
  const localPhotos = shallowRef<{ urls: ReadonlyMap<string, string>; unreadable: ReadonlySet<string> }>({
    urls: new Map(),
    unreadable: new Set(),
  })
  let disposed = false
  let generation = 0

  async function refresh(list: EvidenceItem[] | undefined) {
    const run = ++generation
    const wanted = new Set(
      (list ?? []).flatMap((item) =>
        photosOf(item)
          .filter((a) => a.hasLocalBytes)
          .map((a) => a.id),
      ),
    )
    for (const [attachmentId, url] of objectUrls) {
      if (!wanted.has(attachmentId)) {
        URL.revokeObjectURL(url)
        objectUrls.delete(attachmentId)
      }
    }
    const missing = [...wanted].filter((attachmentId) => !objectUrls.has(attachmentId) && !unreadable.has(attachmentId))
    if (missing.length) {
      let uploads: (PendingUpload | undefined)[]
      try {
        uploads = await localDb.uploads.bulkGet(missing)
      } catch {
        uploads = []
      }
      // Unmounted, or a newer list is already being handled (it loads what it needs).
      if (disposed || run !== generation) return
      for (const [index, attachmentId] of missing.entries()) {
        const upload = uploads[index]
        if (upload)
          objectUrls.set(attachmentId, URL.createObjectURL(new Blob([upload.bytes], { type: upload.mediaType })))
        else unreadable.add(attachmentId)
      }
    }
    localPhotos.value = { urls: new Map(objectUrls), unreadable: new Set(unreadable) }
  }

  watch(items, (list) => void refresh(list), { immediate: true })
  onBeforeUnmount(() => {
    disposed = true
    for (const url of objectUrls.values()) URL.revokeObjectURL(url)
    objectUrls.clear()
  })

  /** A photo this device holds is shown from its bytes; while they are read it has no src, rather than a request that may fail offline. */
  return function photoSrc(attachment: EvidenceAttachment): string | undefined {
    const local = localPhotos.value.urls.get(attachment.id)
    if (local) return local
    if (attachment.hasLocalBytes && !localPhotos.value.unreadable.has(attachment.id)) return undefined
    return serverUrl(attachment.id)
  }
}
