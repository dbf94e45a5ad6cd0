import { z } from 'zod'
import { archivableTypes, typeWords, type ArchivableType } from '../../plans/editable-records'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope, id } from '../envelope'
import { actionIdOf, editRefusal, readOnlyRefusal } from '../plan-record-checks'

/**
 * Deleting is archiving: the record leaves the plan's lists and keeps its updates,
 * evidence and history; restoring brings it back as it was.
 */
export const recordArchiveSchema = z.object({
  ...envelope,
  kind: z.literal('record.archive'),
  data: z.object({ type: z.enum(archivableTypes), id, archived: z.boolean() }),
})
type Data = { type: ArchivableType; id: string; archived: boolean }

export const recordArchive: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.planRecordIds.add(data.id)
    refs.editedRecordIds.add(data.id)
  },
  decide(data, { who, context, madeAt }) {
    const denied = editRefusal(who)
    if (denied) return refuse(denied)
    const target = context.planRecords.get(data.id)
    if (!target || target.type !== data.type)
      return refuse(`This ${typeWords[data.type]} is not in your organisation’s plans.`)
    const problem = readOnlyRefusal(target.planStatus)
    if (problem) return refuse(problem)
    const archivedAt = data.archived ? ((target.record.archivedAt as string | null) ?? madeAt) : null
    target.record.archivedAt = archivedAt
    return {
      outcome: 'applied',
      writes: [{ kind: 'update', entity: data.type, id: data.id, fields: { archivedAt } }],
      history: {
        actionId: actionIdOf(data.type, data.id, target.record),
        entityType: data.type,
        entityId: data.id,
        change: data.archived ? 'record.archive' : 'record.restore',
        details: {},
      },
    }
  },
  onDevice: (data, copy, { madeAt }) =>
    copy.patchRecord(data.type, data.id, { archivedAt: data.archived ? madeAt : null }),
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: (data, titleOf) =>
    `${data.archived ? 'Archiving' : 'Restoring'} the ${typeWords[data.type]} “${titleOf(data.id)}”`,
}
