import { z } from 'zod'
import type { Person } from '../../entities'
import { canSignOff } from '../../sign-off'
import type { BatchContext, TargetAction, TargetMilestone } from '../batch-context'
import type { ChangeDefinition } from '../definition'
import { refuse, type Write } from '../decision'
import { readOnlyRefusal } from '../plan-record-checks'
import { envelope, id } from '../envelope'

/** The lead of complete work, or a plan admin, signing it off where its plan requires sign-off. */
export const signoffGiveSchema = z.object({
  ...envelope,
  kind: z.literal('signoff.give'),
  data: z.object({ entity: z.enum(['action', 'milestone']), entityId: id }),
})
type Data = z.infer<typeof signoffGiveSchema>['data']
type Scope = NonNullable<ReturnType<BatchContext['scopes']['get']>>

/** Whose sign-off a piece of work needs: an action's lead; a milestone's owner, or its action's lead. */
const leadsOf = (target: TargetAction | TargetMilestone, scope: Scope) => ({
  leadPersonIds: 'actionId' in target ? [target.ownerPersonId ?? null, scope.leadPersonId] : [scope.leadPersonId],
})

const signOffWrite = (
  entity: Data['entity'],
  target: TargetAction | TargetMilestone,
  fields: Record<string, unknown>,
) => {
  Object.assign(target, fields)
  return { kind: 'update', entity, id: target.id, fields } satisfies Write
}

/**
 * What a status change does to sign-off (status-set.ts): complete, set by its lead or a plan
 * admin in a plan that requires sign-off, is signed off in the same change; moved away from
 * complete, its sign-off goes. Keeps the batch's copy of the target up to date.
 */
export function signOffOnStatus(
  entity: Data['entity'],
  target: TargetAction | TargetMilestone,
  scope: Scope,
  who: Person,
  madeAt: string,
): Write[] {
  if (target.status !== 'complete')
    return target.signedOffBy ? [signOffWrite(entity, target, { signedOffBy: null, signedOffAt: null })] : []
  if (!scope.signOffRequired || target.signedOffBy || !canSignOff(who, leadsOf(target, scope))) return []
  return [signOffWrite(entity, target, { signedOffBy: who.id, signedOffAt: madeAt })]
}

export const signoffGive: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.entityId,
  refers(data, refs) {
    ;(data.entity === 'action' ? refs.actionIds : refs.milestoneIds).add(data.entityId)
    // Read with the status it signs off, locked, so a status change meanwhile is seen.
    refs.statusIds.add(data.entityId)
  },
  decide(data, { who, context, madeAt }) {
    const target = data.entity === 'action' ? context.actions.get(data.entityId) : context.milestones.get(data.entityId)
    if (!target) return refuse(`This ${data.entity} is not in your organisation’s plan.`)
    const actionId = 'actionId' in target ? target.actionId : target.id
    const scope = context.scopes.get(actionId)
    if (!scope) return refuse(`This ${data.entity} is not in your organisation’s plan.`)
    const readOnly = readOnlyRefusal(scope.planStatus)
    if (readOnly) return refuse(readOnly)
    if (!canSignOff(who, leadsOf(target, scope)))
      return refuse(
        data.entity === 'action'
          ? 'Only the project’s lead or a plan admin can sign it off.'
          : 'Only the milestone’s owner, its project’s lead or a plan admin can sign it off.',
      )
    if (!scope.signOffRequired) return refuse('This plan does not ask for sign-off.')
    if (target.status !== 'complete') return refuse('Only complete work can be signed off.')
    if (target.signedOffBy) return refuse('This has already been signed off.')
    return {
      outcome: 'applied',
      writes: [signOffWrite(data.entity, target, { signedOffBy: who.id, signedOffAt: madeAt })],
      history: { actionId, entityType: data.entity, entityId: data.entityId, change: 'signoff.give', details: {} },
    }
  },
  async onDevice(data, copy, { authorId, madeAt }) {
    await copy.signOff(data.entity, data.entityId, { signedOffBy: authorId, signedOffAt: madeAt })
  },
  // Not signed off before: the server's copy, at the next pull, says so.
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: (data, titleOf) =>
    `${data.entity === 'action' ? 'Project' : 'Milestone'} “${titleOf(data.entityId)}” signed off`,
}
