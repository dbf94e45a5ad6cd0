import { attachmentProblem, documentTypes, maxAttachmentsPerEvidence, photoTypes } from '../../../shared/attachments'
import { evidenceAddSchema } from '../../../shared/changes/kinds/evidence-add'
import { localDb, type LocalDatabase } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import type { OutboxEntry, PendingUpload } from '../../sync/outbox-types'
import { resizePhoto } from './resize-photo'

export type ChosenKind = 'photo' | 'file'

/** Some Android pickers give office documents no type, or a generic one; their extension says what they are. */
const documentTypeByExtension: Record<string, (typeof documentTypes)[number]> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
}

/** The media type a file is attached as. */
export function mediaTypeOf(file: { name: string; type: string }): string {
  if (file.type && file.type !== 'application/octet-stream') return file.type
  const extension = file.name.split('.').pop()?.toLowerCase() ?? ''
  return documentTypeByExtension[extension] ?? file.type
}

/** Why `file` cannot be added as a photo or a file, in words for the person choosing it; undefined if it can. */
export function chosenProblem(file: File, kind: ChosenKind): string | undefined {
  const type = mediaTypeOf(file)
  if (kind === 'photo' && !(photoTypes as readonly string[]).includes(type)) {
    return `“${file.name}” is not a JPEG or PNG photo, so it cannot be added as a photo.`
  }
  return attachmentProblem({ name: file.name, type, size: file.size })
}

export const maxNoteLength = 4000
export const tooManyMessage = `One piece of evidence can have at most ${maxAttachmentsPerEvidence} photos and files.`

/** What is wrong with the note of evidence that has `attachments` photos and files; undefined if nothing. */
export function noteProblem(note: string, attachments: number): string | undefined {
  const trimmed = note.trim()
  if (!trimmed && attachments === 0) return 'Evidence needs a note, a photo or a file.'
  if (trimmed.length > maxNoteLength)
    return `The note can be at most ${maxNoteLength.toLocaleString('en-GB')} characters; it has ${trimmed.length.toLocaleString('en-GB')}.`
  return undefined
}

export interface NewEvidence {
  personId: string
  actionId: string
  milestoneId: string | null
  note: string
  photos: File[]
  files: File[]
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** A resized photo is a JPEG, so its name says so ("IMG_0042.PNG" → "IMG_0042.jpg"). */
function photoName(original: string): string {
  const stem = original.trim().replace(/\.[^.]*$/, '') || 'photo'
  return `${stem.slice(0, 250)}.jpg`
}

/** Refuses, before anything is stored, when the device has no room for the bytes until they are sent. */
async function checkRoomFor(bytes: number): Promise<void> {
  if (bytes === 0 || typeof navigator === 'undefined' || !navigator.storage?.estimate) return
  let estimate: StorageEstimate
  try {
    estimate = await navigator.storage.estimate()
  } catch {
    return
  }
  if (estimate.quota === undefined || estimate.usage === undefined) return
  const free = estimate.quota - estimate.usage
  // Headroom for IndexedDB's own overhead and the rest of the change.
  if (bytes + 1024 * 1024 > free) {
    throw new Error(
      `There is not enough space on this device to keep these photos and files until they are sent (they need ${megabytes(bytes)}; ${megabytes(Math.max(0, free))} is free). Remove some, or free up space on the device, and try again.`,
    )
  }
}

/**
 * Records evidence on this device and queues it to send. Every photo and file is
 * checked first, so a problem is reported before anything is stored; photos are then
 * made smaller one at a time. Throws an Error whose message is for the person.
 */
export async function addEvidence(input: NewEvidence, db: LocalDatabase = localDb): Promise<OutboxEntry> {
  const { personId, actionId, milestoneId, photos, files } = input
  const note = input.note.trim()
  const problems = [
    ...photos.map((photo) => chosenProblem(photo, 'photo')),
    ...files.map((file) => chosenProblem(file, 'file')),
  ].filter((problem): problem is string => problem !== undefined)
  if (problems.length) throw new Error(problems.join(' '))
  if (photos.length + files.length > maxAttachmentsPerEvidence) throw new Error(tooManyMessage)
  const problem = noteProblem(note, photos.length + files.length)
  if (problem) throw new Error(problem)

  const uploads: Omit<PendingUpload, 'mutationId' | 'sentBytes'>[] = []
  for (const photo of photos) {
    const resized = await resizePhoto(photo)
    uploads.push({
      id: crypto.randomUUID(),
      name: photoName(photo.name),
      mediaType: resized.mediaType,
      size: resized.bytes.byteLength,
      bytes: resized.bytes,
    })
  }
  for (const file of files) {
    const bytes = await file.arrayBuffer()
    uploads.push({
      id: crypto.randomUUID(),
      name: file.name.trim().slice(0, 255),
      mediaType: mediaTypeOf(file),
      size: bytes.byteLength,
      bytes,
    })
  }

  const data = {
    id: crypto.randomUUID(),
    actionId,
    milestoneId,
    note,
    attachments: uploads.map(({ id, name, mediaType, size }) => ({ id, name, mediaType, size })),
  }
  const checked = evidenceAddSchema.shape.data.safeParse(data)
  if (!checked.success) throw new Error(checked.error.issues.map((issue) => issue.message).join(' '))

  await checkRoomFor(uploads.reduce((total, upload) => total + upload.size, 0))
  return queueChange(db, personId, { kind: 'evidence.add', data }, uploads)
}
