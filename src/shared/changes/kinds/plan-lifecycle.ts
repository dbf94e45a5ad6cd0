import { z } from 'zod'
import type { DocumentControl, Plan } from '../../entities'
import { approvalSchema, statusAfter, stepRefusal, stepWords, withApproval } from '../../plans/lifecycle'
import type { ChangeDefinition } from '../definition'
import { refuse, type Write } from '../decision'
import { envelope, id } from '../envelope'

/**
 * A plan admin moving a plan through its lifecycle: approving a draft (the board and date
 * go into its document control, with who recorded it), superseding or archiving it.
 * Approving a plan also supersedes the approved plans it was carried from (its earlier
 * versions, by the annual refresh), so an organisation has one current version of a plan.
 */
export const planLifecycleSchema = z.object({
  ...envelope,
  kind: z.literal('plan.lifecycle'),
  data: z.discriminatedUnion('step', [
    z.object({ planId: id, step: z.literal('approve'), ...approvalSchema.shape }),
    z.object({ planId: id, step: z.enum(['supersede', 'archive']) }),
  ]),
})
type Data = z.infer<typeof planLifecycleSchema>['data']

const refusalFor = (role: string) =>
  role === 'viewer'
    ? 'Viewers can read the plan but not change it.'
    : 'Only a plan admin can approve, supersede or archive a plan. Ask your plan admin to do it.'

export const planLifecycle: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.planId,
  refers(data, refs) {
    refs.planRecordIds.add(data.planId)
    refs.editedRecordIds.add(data.planId)
  },
  decide(data, { who, context, mutationId, madeAt }) {
    if (who.role !== 'admin') return refuse(refusalFor(who.role))
    const target = context.planRecords.get(data.planId)
    if (!target || target.type !== 'plan') return refuse('This plan is not in your organisation’s plans.')
    const from = target.record.status as Plan['status']
    const problem = stepRefusal(data.step, from)
    if (problem) return refuse(problem)

    const to = statusAfter[data.step]
    const fields: Record<string, unknown> = { status: to }
    const writes: Write[] = []
    const superseded: string[] = []
    if (data.step === 'approve') {
      const control = withApproval(
        target.record.documentControl as DocumentControl,
        String(target.record.versionLabel),
        { board: data.board, approvedOn: data.approvedOn, approverPersonId: who.id },
      )
      // Stamped as an edit is, so an older edit of the document control arriving later cannot undo the approval.
      target.fieldEdits = { ...target.fieldEdits, documentControl: { madeAt, mutationId } }
      Object.assign(fields, { documentControl: control, fieldEdits: target.fieldEdits })
      for (const earlier of context.earlierVersions?.get(data.planId) ?? []) {
        if (earlier.status !== 'approved') continue
        earlier.status = 'superseded'
        superseded.push(earlier.id)
        writes.push({ kind: 'update', entity: 'plan', id: earlier.id, fields: { status: 'superseded' } })
        const known = context.planRecords.get(earlier.id)
        if (known) known.record.status = 'superseded'
      }
    }
    Object.assign(target.record, fields)
    // Later changes in the batch to this plan's records meet its new status.
    for (const record of context.planRecords.values()) if (record.planId === data.planId) record.planStatus = to
    for (const record of context.planRecords.values())
      if (record.planId && superseded.includes(record.planId)) record.planStatus = 'superseded'
    writes.unshift({ kind: 'update', entity: 'plan', id: data.planId, fields })
    // A draft's records reached plan admins only: leaving draft sends them to everyone.
    if (from === 'draft') writes.push({ kind: 'republish-plan', planId: data.planId })
    return {
      outcome: 'applied',
      writes,
      history: {
        actionId: null,
        entityType: 'plan',
        entityId: data.planId,
        change: `plan.${data.step}`,
        details: {
          from,
          to,
          ...(data.step === 'approve' ? { board: data.board, approvedOn: data.approvedOn } : {}),
          ...(superseded.length ? { superseded } : {}),
        },
      },
    }
  },
  // The document control and any earlier version superseded come with the next pull.
  onDevice: (data, copy) => copy.patchRecord('plan', data.planId, { status: statusAfter[data.step] }),
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: (data, titleOf) =>
    data.step === 'approve'
      ? `Approving the plan “${titleOf(data.planId)}” (${data.board}, ${data.approvedOn})`
      : `${stepWords[data.step].doing} the plan “${titleOf(data.planId)}”`,
}
