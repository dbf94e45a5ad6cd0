/**
 * What evidence may carry. Checked on the device before anything is queued, so a
 * person hears at once, and again by the server, which trusts nothing.
 */
export const photoTypes = ['image/jpeg', 'image/png'] as const
export const documentTypes = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const
export const allowedAttachmentTypes: readonly string[] = [...photoTypes, ...documentTypes]

export const maxAttachmentBytes = 20 * 1024 * 1024
export const maxAttachmentsPerEvidence = 10
/** Each upload request carries at most this much, below any proxy's body limit. */
export const uploadChunkBytes = 512 * 1024

export type AttachmentProblem = string | undefined

/** Why a file cannot be attached, in words for the person choosing it; undefined if it can. */
export function attachmentProblem(file: { name: string; type: string; size: number }): AttachmentProblem {
  if (!allowedAttachmentTypes.includes(file.type)) {
    return `“${file.name}” is not a photo (JPEG or PNG), PDF or office document, so it cannot be attached.`
  }
  if (file.size > maxAttachmentBytes) {
    const mb = (file.size / 1024 / 1024).toFixed(1)
    return `“${file.name}” is ${mb} MB; files can be at most ${maxAttachmentBytes / 1024 / 1024} MB.`
  }
  if (file.size === 0) return `“${file.name}” is empty.`
  return undefined
}
