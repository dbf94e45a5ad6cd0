import { z } from 'zod'
import { workStatusSchema } from '../../entities'
import { canSetStatus } from '../../permissions'
import { statusLabels } from '../../status-language'
import type { ChangeDefinition } from '../definition'
import { changeStatus, refuse, type HistoryDraft } from '../decision'
import { readOnlyRefusal } from '../plan-record-checks'
import { envelope, id } from '../envelope'
import { signOffOnStatus } from './signoff-give'

/** Setting the status of a project or a milestone; two people's changes meet the status rule. */
export const statusSetSchema = z.object({
  ...envelope,
  kind: z.literal('status.set'),
  data: z.object({ entity: z.enum(['action', 'milestone']), entityId: id, status: workStatusSchema }),
})
type Data = z.infer<typeof statusSetSchema>['data']

export const statusSet: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.entityId,
  refers(data, refs) {
    ;(data.entity === 'action' ? refs.actionIds : refs.milestoneIds).add(data.entityId)
    refs.statusIds.add(data.entityId)
  },
  decide(data, { who, context, mutationId, madeAt }) {
    const target = data.entity === 'action' ? context.actions.get(data.entityId) : context.milestones.get(data.entityId)
    if (!target) return refuse(`This ${data.entity} is not in your organisation’s plan.`)
    const actionId = 'actionId' in target ? target.actionId : target.id
    const scope = context.scopes.get(actionId)
    const readOnly = scope && readOnlyRefusal(scope.planStatus)
    if (readOnly) return refuse(readOnly)
    if (!scope || !canSetStatus(who, scope, scope.teamsOfAssignedPeople))
      return refuse('Only the team’s manager or a plan admin can set this status.')
    const history: HistoryDraft = {
      actionId,
      entityType: data.entity,
      entityId: data.entityId,
      change: 'status.set',
      details: { status: data.status, previous: target.status },
    }
    const table = data.entity === 'action' ? 'actions' : 'milestones'
    const change = changeStatus(target, table, data.status, madeAt, who.id, mutationId)
    if (!change) {
      return {
        outcome: 'superseded',
        reason: 'Someone else changed this status more recently, so their change stands.',
        writes: [],
        history,
      }
    }
    // Where the plan requires sign-off: complete by its lead or an admin is signed off; away from complete, it is not.
    const signOff = signOffOnStatus(data.entity, target, scope, who, madeAt)
    if (signOff.length) history.details.signedOff = target.signedOffBy !== null
    return { outcome: 'applied', writes: [change, ...signOff], history }
  },
  async onDevice(data, copy, { authorId, mutationId, madeAt }) {
    await copy.setStatus(data.entity, data.entityId, {
      status: data.status,
      statusSetAt: madeAt,
      statusSetBy: authorId,
      statusMutationId: mutationId,
    })
  },
  // The status before it is the server's: the next pull brings it back.
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: (data, titleOf) =>
    `${data.entity === 'action' ? 'Project' : 'Milestone'} “${titleOf(data.entityId)}” set to ${statusLabels[data.status].label}`,
}
