import { z } from 'zod'
import { id } from '../changes/envelope'
import { assignmentAddSchema } from '../changes/kinds/assignment-add'
import { assignmentRemoveSchema } from '../changes/kinds/assignment-remove'
import { evidenceAddSchema } from '../changes/kinds/evidence-add'
import { measureActualSchema } from '../changes/kinds/measure-actual'
import { planLifecycleSchema } from '../changes/kinds/plan-lifecycle'
import { progressPostSchema } from '../changes/kinds/progress-post'
import { riskAssessSchema } from '../changes/kinds/risk-assess'
import { recordArchiveSchema } from '../changes/kinds/record-archive'
import { reminderDismissSchema } from '../changes/kinds/reminder-dismiss'
import { reminderSendSchema } from '../changes/kinds/reminder-send'
import { signoffGiveSchema } from '../changes/kinds/signoff-give'
import { recordCreateSchema } from '../changes/kinds/record-create'
import { recordEditSchema } from '../changes/kinds/record-edit'
import { statusSetSchema } from '../changes/kinds/status-set'
import { surveyCloseSchema } from '../changes/kinds/survey-close'
import { surveyCreateSchema } from '../changes/kinds/survey-create'
import { surveySubmitSchema } from '../changes/kinds/survey-submit'
import { maxPushBatch } from './limits'

/** The push protocol: every kind of change, each defined whole in src/shared/changes/kinds/. */
export const mutationSchema = z.discriminatedUnion('kind', [
  surveyCreateSchema,
  surveyCloseSchema,
  surveySubmitSchema,
  progressPostSchema,
  statusSetSchema,
  evidenceAddSchema,
  assignmentAddSchema,
  assignmentRemoveSchema,
  recordCreateSchema,
  recordEditSchema,
  recordArchiveSchema,
  measureActualSchema,
  riskAssessSchema,
  reminderSendSchema,
  reminderDismissSchema,
  signoffGiveSchema,
  planLifecycleSchema,
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
