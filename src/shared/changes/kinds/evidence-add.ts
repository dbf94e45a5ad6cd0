import { z } from 'zod'
import { allowedAttachmentTypes, maxAttachmentBytes, maxAttachmentsPerEvidence } from '../../attachments'
import { canContribute } from '../../permissions'
import { pgText } from '../../pg-values'
import type { ChangeDefinition } from '../definition'
import { refuse, type Write } from '../decision'
import { readOnlyRefusal } from '../plan-record-checks'
import { envelope, id } from '../envelope'

export const attachmentRefSchema = z.object({
  id,
  name: pgText(255, { trim: true }).min(1),
  mediaType: z
    .string()
    .refine((type) => allowedAttachmentTypes.includes(type), 'This type of file cannot be attached.'),
  size: z.number().int().positive().max(maxAttachmentBytes),
})

/** Evidence for a project or one of its milestones: a note, photos and files (uploaded before it is sent). */
export const evidenceAddSchema = z.object({
  ...envelope,
  kind: z.literal('evidence.add'),
  data: z
    .object({
      id,
      actionId: id,
      milestoneId: id.nullable(),
      note: pgText(4000, { trim: true }),
      attachments: z.array(attachmentRefSchema).max(maxAttachmentsPerEvidence),
    })
    .refine((evidence) => evidence.note.length > 0 || evidence.attachments.length > 0, {
      message: 'Evidence needs a note, a photo or a file.',
      path: ['note'],
    }),
})
type Data = z.infer<typeof evidenceAddSchema>['data']

export const evidenceAdd: ChangeDefinition<Data> = {
  createsId: (data) => data.id,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.newRecordIds.add(data.id)
    refs.actionIds.add(data.actionId)
    if (data.milestoneId) refs.milestoneIds.add(data.milestoneId)
    for (const a of data.attachments) refs.attachmentIds.add(a.id)
  },
  decide(data, { who, context, madeAt, receivedAt }) {
    const scope = context.scopes.get(data.actionId)
    if (!scope) return refuse('This action is not in your organisation’s plan.')
    const readOnly = readOnlyRefusal(scope.planStatus)
    if (readOnly) return refuse(readOnly)
    if (data.milestoneId && context.milestones.get(data.milestoneId)?.actionId !== data.actionId) {
      return refuse('This milestone is not part of that action.')
    }
    if (!canContribute(who, scope)) return refuse('You can add evidence only to actions assigned to you or your team.')
    // What the evidence shows is the server's record of each upload, never the device's description of it.
    const files = []
    for (const ref of data.attachments) {
      const stored = context.attachments.get(ref.id)
      if (!stored || stored.uploadedBy !== who.id) return refuse(`“${ref.name}” has not been uploaded yet.`)
      if (stored.receivedBytes < stored.size) return refuse(`“${ref.name}” has not finished uploading.`)
      if (stored.evidenceId && stored.evidenceId !== data.id) return refuse(`“${ref.name}” belongs to other evidence.`)
      if (stored.size !== ref.size || stored.mediaType !== ref.mediaType)
        return refuse(
          `“${ref.name}” differs in size or type from the file uploaded for it, so this evidence cannot use it.`,
        )
      files.push(stored)
    }
    for (const file of files) file.evidenceId = data.id
    const writes: Write[] = [
      {
        kind: 'insert',
        table: 'evidence',
        record: {
          id: data.id,
          actionId: data.actionId,
          milestoneId: data.milestoneId,
          note: data.note,
          authorId: who.id,
          madeAt,
          receivedAt,
        },
      },
    ]
    if (data.attachments.length)
      writes.push({ kind: 'publish-attachments', evidenceId: data.id, ids: data.attachments.map((a) => a.id) })
    return {
      outcome: 'applied',
      writes,
      history: {
        actionId: data.actionId,
        entityType: 'evidence',
        entityId: data.id,
        change: 'evidence.add',
        details: { note: data.note, milestoneId: data.milestoneId, attachments: files.map((file) => file.name) },
      },
    }
  },
  async onDevice(data, copy, { authorId, madeAt }) {
    const { id, actionId, milestoneId, note, attachments } = data
    await copy.putEvidence(
      { id, version: 0, actionId, milestoneId, note, authorId, madeAt, receivedAt: '' },
      attachments.map((a) => ({
        id: a.id,
        version: 0,
        evidenceId: id,
        name: a.name,
        mediaType: a.mediaType,
        size: a.size,
      })),
    )
  },
  undo: (data, copy) =>
    copy.deleteEvidence(
      data.id,
      data.attachments.map((a) => a.id),
    ),
  describe(data, titleOf) {
    const files = data.attachments.length
    return `Evidence on ${titleOf(data.milestoneId ?? data.actionId)}${files ? ` with ${files === 1 ? '1 file' : `${files} files`}` : ''}`
  },
}
