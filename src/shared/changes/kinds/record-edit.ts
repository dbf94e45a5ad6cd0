import { z } from 'zod'
import { editedFieldsSchema, typeWords, type EditableType } from '../../plans/editable-records'
import { meetFields } from '../../sync/field-rule'
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

const editOf = <T extends EditableType>(type: T) =>
  z.object({
    type: z.literal(type),
    id,
    fields: editedFieldsSchema(type).refine((fields) => Object.keys(fields).length > 0, 'An edit must change a field.'),
  })

/**
 * A plan admin's edit of some fields of a plan record, checked by that record's own
 * schema. Two edits of one record meet field by field (src/shared/sync/field-rule.ts).
 */
export const recordEditSchema = z.object({
  ...envelope,
  kind: z.literal('record.edit'),
  data: perRecordType(editOf),
})

const listed = (names: string[]) => names.map(fieldWords).join(', ')

export const recordEdit: ChangeDefinition<PlanRecordData> = {
  createsId: () => undefined,
  subject: (data) => data.id,
  refers: (data, refs) => referPlanRecord(data.type, data.fields, refs, data.id),
  decide(data, { who, context, mutationId, madeAt }) {
    const denied = editRefusal(who)
    if (denied) return refuse(denied)
    const target = context.planRecords.get(data.id)
    if (!target || target.type !== data.type)
      return refuse(`This ${typeWords[data.type]} is not in your organisation’s plans.`)
    const problem =
      readOnlyRefusal(target.planStatus) ?? referenceRefusal(data.type, data.fields, target.planId, context)
    if (problem) return refuse(problem)
    if (target.record.archivedAt) return refuse(`This ${typeWords[data.type]} is archived. Restore it to edit it.`)

    const met = meetFields(data.fields, target.record, target.fieldEdits, { madeAt, mutationId })
    const changed = Object.keys(met.changed)
    const kept = Object.keys(met.kept)
    const history = {
      actionId: actionIdOf(data.type, data.id, target.record),
      entityType: data.type,
      entityId: data.id,
      change: 'record.edit',
      details: { changed: met.changed, kept: met.kept },
    }
    if (!changed.length && kept.length)
      return {
        outcome: 'superseded',
        reason: `Someone else edited the ${listed(kept)} more recently, so their version stands.`,
        writes: [],
        history,
      }
    const values = Object.fromEntries(changed.map((name) => [name, met.changed[name]!.to]))
    Object.assign(target.record, values)
    target.fieldEdits = met.fieldEdits
    return {
      outcome: 'applied',
      ...(kept.length ? { reason: `Someone else edited the ${listed(kept)} more recently, so theirs stands.` } : {}),
      writes: [{ kind: 'update', entity: data.type, id: data.id, fields: { ...values, fieldEdits: met.fieldEdits } }],
      history,
    }
  },
  onDevice: (data, copy) => copy.patchRecord(data.type, data.id, data.fields),
  // What the record held before is the server's: the next pull brings it back.
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: (data, titleOf) =>
    `Edit of the ${typeWords[data.type]} “${titleOf(data.id)}”: ${listed(Object.keys(data.fields))}`,
}
