import type { Ref } from 'vue'
import type { Attachment, Evidence } from '../../../shared/entities'
import { photoTypes } from '../../../shared/attachments'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'

export interface EvidenceAttachment extends Attachment {
  /** A photo (shown as a picture) rather than a document (shown as a link). */
  isPhoto: boolean
  /** This device still holds the bytes (it made this evidence), so it can show them offline. */
  hasLocalBytes: boolean
}

export interface EvidenceItem {
  evidence: Evidence
  /** Undefined when the author's record is not on this device. */
  authorName: string | undefined
  attachments: EvidenceAttachment[]
  /** Made on this device and not yet acknowledged by the server. */
  waiting: boolean
}

export const isPhotoType = (mediaType: string) => (photoTypes as readonly string[]).includes(mediaType)

/** The evidence for a project, newest first, with its photos and files. */
export async function loadEvidence(db: LocalDatabase, actionId: string): Promise<EvidenceItem[]> {
  const evidence = await db.evidence.where('actionId').equals(actionId).toArray()
  evidence.sort((a, b) => (a.madeAt < b.madeAt ? 1 : a.madeAt > b.madeAt ? -1 : 0))
  const evidenceIds = evidence.map((e) => e.id)
  const [attachments, waitingEntries, people] = await Promise.all([
    evidenceIds.length ? db.attachments.where('evidenceId').anyOf(evidenceIds).toArray() : [],
    db.outbox.where('state').equals('waiting').toArray(),
    db.people.bulkGet([...new Set(evidence.map((e) => e.authorId))]),
  ])
  // Keys only: the bytes themselves are read when a photo is shown.
  const localIds = new Set(
    attachments.length
      ? await db.uploads
          .where('id')
          .anyOf(attachments.map((a) => a.id))
          .primaryKeys()
      : [],
  )
  const waiting = new Set(
    waitingEntries.flatMap(({ mutation }) => (mutation.kind === 'evidence.add' ? [mutation.data.id] : [])),
  )
  const names = new Map(people.flatMap((person) => (person ? [[person.id, person.name] as const] : [])))
  const byEvidence = new Map<string, EvidenceAttachment[]>()
  for (const attachment of attachments) {
    const list = byEvidence.get(attachment.evidenceId) ?? []
    list.push({ ...attachment, isPhoto: isPhotoType(attachment.mediaType), hasLocalBytes: localIds.has(attachment.id) })
    byEvidence.set(attachment.evidenceId, list)
  }
  for (const list of byEvidence.values()) list.sort((a, b) => a.name.localeCompare(b.name))
  return evidence.map((item) => ({
    evidence: item,
    authorName: names.get(item.authorId),
    attachments: byEvidence.get(item.id) ?? [],
    waiting: waiting.has(item.id),
  }))
}

export const useEvidence = (actionId: Ref<string>) => useLiveQuery((id) => loadEvidence(localDb, id), actionId)
