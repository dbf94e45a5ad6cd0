import { z } from 'zod'
import { canAssignTo, canAssignWork } from '../../permissions'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { readOnlyRefusal } from '../plan-record-checks'
import { envelope, id } from '../envelope'
import { outOfScope } from './assignment-add'

/** Taking an assignment off a project or a milestone. */
export const assignmentRemoveSchema = z.object({
  ...envelope,
  kind: z.literal('assignment.remove'),
  data: z.object({ id }),
})
type Data = z.infer<typeof assignmentRemoveSchema>['data']

export const assignmentRemove: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.assignmentIds.add(data.id)
  },
  decide(data, { who, context }) {
    const assignment = context.assignments.get(data.id)
    if (!assignment) return refuse('This assignment no longer exists.')
    const actionId =
      assignment.actionId ??
      (assignment.milestoneId ? context.milestones.get(assignment.milestoneId)?.actionId : undefined)
    const scope = actionId ? context.scopes.get(actionId) : undefined
    if (!actionId || !scope || !canAssignWork(who, scope, context.managedAreaIds)) return refuse(outOfScope)
    const readOnly = readOnlyRefusal(scope.planStatus)
    if (readOnly) return refuse(readOnly)
    const target = assignment.teamId
      ? { teamId: assignment.teamId }
      : { personTeamIds: context.people.get(assignment.personId!)?.teamIds ?? [] }
    if (!canAssignTo(who, target)) return refuse('You can change assignments only within the teams you manage.')
    context.assignments.delete(data.id)
    return {
      outcome: 'applied',
      writes: [{ kind: 'delete-assignment', id: data.id }],
      history: {
        actionId,
        entityType: 'assignment',
        entityId: data.id,
        change: 'assignment.remove',
        details: { personId: assignment.personId, teamId: assignment.teamId },
      },
    }
  },
  onDevice: (data, copy) => copy.deleteAssignment(data.id),
  // The assignment itself is the server's: the next pull brings it back.
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: () => 'Removal of an assignment',
}
