import { z } from 'zod'
import { ragSchema, workStatusSchema } from '../entities'
import { allowedAttachmentTypes, maxAttachmentBytes, maxAttachmentsPerEvidence } from '../attachments'
import { surveyAnswersSchema, surveyDraftSchema } from '../surveys'
import { pgText, pgTimestamp, saneYears, uuid } from '../pg-values'
import { maxPushBatch } from './limits'

/**
 * A change made on a device. `id` is made on the device and is the idempotency key:
 * the server applies a mutation at most once however often it arrives.
 */
const id = uuid()
const clockProblem = `The device’s clock gave this change a time that is not a real moment between ${saneYears.min} and ${saneYears.max}; check its date and time.`
const envelope = {
  id,
  deviceId: pgText(100).min(1),
  madeAt: pgTimestamp(saneYears, clockProblem),
}
const commentary = pgText(4000, { trim: true })

export const progressPostSchema = z.object({
  ...envelope,
  kind: z.literal('progress.post'),
  data: z
    .object({
      id,
      actionId: id,
      rag: ragSchema,
      commentary,
      /**
       * The device's person may set the project's status, so this update is meant to set it
       * (status-language.ts). The server checks the permission again; without it the update is a comment.
       */
      setsStatus: z.boolean().default(false),
    })
    .refine((update) => update.rag === 'green' || update.commentary.length >= 10, {
      message: 'Amber and red need a commentary saying what is being done (at least 10 characters).',
      path: ['commentary'],
    }),
})

export const statusSetSchema = z.object({
  ...envelope,
  kind: z.literal('status.set'),
  data: z.object({ entity: z.enum(['action', 'milestone']), entityId: id, status: workStatusSchema }),
})

export const attachmentRefSchema = z.object({
  id,
  name: pgText(255, { trim: true }).min(1),
  mediaType: z
    .string()
    .refine((type) => allowedAttachmentTypes.includes(type), 'This type of file cannot be attached.'),
  size: z.number().int().positive().max(maxAttachmentBytes),
})

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

export const assignmentAddSchema = z.object({
  ...envelope,
  kind: z.literal('assignment.add'),
  data: z
    .object({ id, actionId: id.nullable(), milestoneId: id.nullable(), personId: id.nullable(), teamId: id.nullable() })
    .refine((a) => (a.actionId === null) !== (a.milestoneId === null), 'Assign either an action or a milestone.')
    .refine((a) => (a.personId === null) !== (a.teamId === null), 'Assign to either a person or a team.'),
})

export const assignmentRemoveSchema = z.object({
  ...envelope,
  kind: z.literal('assignment.remove'),
  data: z.object({ id }),
})

export const surveyCreateSchema = z.object({
  ...envelope,
  kind: z.literal('survey.create'),
  data: surveyDraftSchema,
})

export const surveyCloseSchema = z.object({
  ...envelope,
  kind: z.literal('survey.close'),
  data: z.object({ surveyId: id }),
})

/** An answer to a survey. Its mutation id is never stored with the answers. */
export const surveySubmitSchema = z.object({
  ...envelope,
  kind: z.literal('survey.submit'),
  data: z.object({ surveyId: id, answers: surveyAnswersSchema }),
})

export const mutationSchema = z.discriminatedUnion('kind', [
  surveyCreateSchema,
  surveyCloseSchema,
  surveySubmitSchema,
  progressPostSchema,
  statusSetSchema,
  evidenceAddSchema,
  assignmentAddSchema,
  assignmentRemoveSchema,
])
export type Mutation = z.infer<typeof mutationSchema>
export type MutationKind = Mutation['kind']

export { maxPushBatch } from './limits'

/**
 * The push request. Only the outline is checked here: each mutation is validated on
 * its own, so one bad change is refused alone and never blocks the rest.
 */
export const pushRequestSchema = z.object({
  mutations: z.array(z.object({ id }).loose()).min(1).max(maxPushBatch),
})

/**
 * `applied`: done. `superseded`: recorded in the history, but another change to the same
 * status won (see status-rule.ts). `refused`: not allowed or not valid; nothing written.
 */
export type PushOutcome = 'applied' | 'superseded' | 'refused'
export interface PushResult {
  id: string
  outcome: PushOutcome
  /** Why it was refused or superseded, in words for the person who made it. */
  reason?: string
  /** This change had already arrived before; the outcome is the first one's. */
  repeated?: boolean
}
export interface PushResponse {
  results: PushResult[]
}
