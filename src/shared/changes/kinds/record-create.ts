import { z } from 'zod'
import { entitySchemas } from '../../entities'
import {
  blankRecord,
  editedFieldsSchema,
  parentFields,
  typeWords,
  type EditableRecord,
  type EditableType,
} from '../../plans/editable-records'
import { id as uuid } from '../../record-fields'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope, id } from '../envelope'
import {
  actionIdOf,
  editRefusal,
  fieldWords,
  readOnlyRefusal,
  referenceRefusal,
  referPlanRecord,
  perRecordType,
  type PlanRecordData,
} from '../plan-record-checks'
import type { BatchContext } from '../batch-context'

/** The whole record a new one is: the blank record of its type with the admin's fields over it. */
export function newRecord(type: EditableType, recordId: string, fields: Record<string, unknown>): EditableRecord {
  return { ...blankRecord(type), ...fields, id: recordId, version: 0 } as EditableRecord
}

const createOf = <T extends EditableType>(type: T) =>
  z
    .object({
      type: z.literal(type),
      id,
      fields: editedFieldsSchema(type).extend(Object.fromEntries(parentFields[type].map((field) => [field, uuid]))),
    })
    .superRefine((data, problems) => {
      const whole = entitySchemas[type].safeParse(newRecord(type, data.id, data.fields))
      for (const issue of whole.error?.issues ?? [])
        problems.addIssue({
          code: 'custom',
          path: ['fields', ...issue.path],
          message:
            issue.code === 'invalid_type' && issue.input === undefined
              ? `A new ${typeWords[type]} needs its ${fieldWords(String(issue.path[0]))}.`
              : issue.message,
        })
    })

/** A plan admin making a plan record in the app: checked as a whole by its record's schema, as an import is. */
export const recordCreateSchema = z.object({
  ...envelope,
  kind: z.literal('record.create'),
  data: perRecordType(createOf),
})

/** The plan a new record belongs to, and that plan's status. */
function planOf(data: PlanRecordData, context: BatchContext): { planId: string | null; planStatus: string | null } {
  if (data.type === 'plan') return { planId: data.id, planStatus: 'draft' }
  if (data.type === 'outcome') return { planId: null, planStatus: null }
  const parent = context.planRecords.get(String(data.fields.planId ?? data.fields.actionId))
  return { planId: parent?.planId ?? null, planStatus: parent?.planStatus ?? null }
}

export const recordCreate: ChangeDefinition<PlanRecordData> = {
  createsId: (data) => data.id,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.newRecordIds.add(data.id)
    referPlanRecord(data.type, data.fields, refs)
  },
  decide(data, { who, context }) {
    const denied = editRefusal(who)
    if (denied) return refuse(denied)
    const { planId, planStatus } = planOf(data, context)
    const problem = readOnlyRefusal(planStatus) ?? referenceRefusal(data.type, data.fields, planId, context)
    if (problem) return refuse(problem)
    // The server gives it its version as it writes it.
    const record: Record<string, unknown> = { ...newRecord(data.type, data.id, data.fields) }
    delete record.version
    // Later changes of the batch may name it, or edit it.
    context.planRecords.set(data.id, { type: data.type, record: { ...record }, planId, planStatus, fieldEdits: {} })
    return {
      outcome: 'applied',
      writes: [{ kind: 'create', entity: data.type, record }],
      history: {
        actionId: actionIdOf(data.type, data.id, record),
        entityType: data.type,
        entityId: data.id,
        change: 'record.create',
        details: { fields: data.fields },
      },
    }
  },
  onDevice: (data, copy) => copy.putRecord(data.type, newRecord(data.type, data.id, data.fields)),
  undo: (data, copy) => copy.deleteRecord(data.type, data.id),
  describe: (data, titleOf) => `New ${typeWords[data.type]} “${titleOf(data.id)}”`,
}
