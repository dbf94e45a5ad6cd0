import type { Mutation, MutationKind } from '../sync/mutations'
import type { ChangeDefinition } from './definition'
import { assignmentAdd } from './kinds/assignment-add'
import { assignmentRemove } from './kinds/assignment-remove'
import { evidenceAdd } from './kinds/evidence-add'
import { measureActual } from './kinds/measure-actual'
import { planLifecycle } from './kinds/plan-lifecycle'
import { progressPost } from './kinds/progress-post'
import { riskAssess } from './kinds/risk-assess'
import { recordArchive } from './kinds/record-archive'
import { reminderDismiss } from './kinds/reminder-dismiss'
import { reminderSend } from './kinds/reminder-send'
import { signoffGive } from './kinds/signoff-give'
import { recordCreate } from './kinds/record-create'
import { recordEdit } from './kinds/record-edit'
import { statusSet } from './kinds/status-set'
import { surveyClose } from './kinds/survey-close'
import { surveyCreate } from './kinds/survey-create'
import { surveySubmit } from './kinds/survey-submit'

type DataOf<K extends MutationKind> = Extract<Mutation, { kind: K }>['data']

/** Every kind of change a device can send, each defined whole in its own file under kinds/. */
const changes: { [K in MutationKind]: ChangeDefinition<DataOf<K>> } = {
  'progress.post': progressPost,
  'status.set': statusSet,
  'evidence.add': evidenceAdd,
  'assignment.add': assignmentAdd,
  'assignment.remove': assignmentRemove,
  'survey.create': surveyCreate,
  'survey.close': surveyClose,
  'survey.submit': surveySubmit,
  'record.create': recordCreate,
  'record.edit': recordEdit,
  'record.archive': recordArchive,
  'measure.actual': measureActual,
  'risk.assess': riskAssess,
  'reminder.send': reminderSend,
  'reminder.dismiss': reminderDismiss,
  'signoff.give': signoffGive,
  'plan.lifecycle': planLifecycle,
}

/**
 * A change's definition, with its data, typed together: the one place that tells
 * TypeScript a mutation's kind and its data belong to each other.
 */
export function definitionOf(mutation: Mutation): { definition: ChangeDefinition<unknown>; data: unknown } {
  return { definition: changes[mutation.kind] as ChangeDefinition<unknown>, data: mutation.data }
}
