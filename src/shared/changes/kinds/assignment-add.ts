import { z } from 'zod'
import { canAssignTo, canAssignWork } from '../../permissions'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { readOnlyRefusal } from '../plan-record-checks'
import { envelope, id } from '../envelope'

/** Giving a project or a milestone to a person or a team. */
export const assignmentAddSchema = z.object({
  ...envelope,
  kind: z.literal('assignment.add'),
  data: z
    .object({ id, actionId: id.nullable(), milestoneId: id.nullable(), personId: id.nullable(), teamId: id.nullable() })
    .refine((a) => (a.actionId === null) !== (a.milestoneId === null), 'Assign either an action or a milestone.')
    .refine((a) => (a.personId === null) !== (a.teamId === null), 'Assign to either a person or a team.'),
})
type Data = z.infer<typeof assignmentAddSchema>['data']

export const outOfScope = 'You can assign only work your teams lead or have been given, or work for your teams’ area.'

export const assignmentAdd: ChangeDefinition<Data> = {
  createsId: (data) => data.id,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.newRecordIds.add(data.id)
    if (data.actionId) refs.actionIds.add(data.actionId)
    if (data.milestoneId) refs.milestoneIds.add(data.milestoneId)
    if (data.personId) refs.personIds.add(data.personId)
    if (data.teamId) refs.teamIds.add(data.teamId)
  },
  decide(data, { who, context, madeAt }) {
    const actionId =
      data.actionId ?? (data.milestoneId ? context.milestones.get(data.milestoneId)?.actionId : undefined)
    const scope = actionId ? context.scopes.get(actionId) : undefined
    if (!actionId || !scope) return refuse('This work is not in your organisation’s plan.')
    const readOnly = readOnlyRefusal(scope.planStatus)
    if (readOnly) return refuse(readOnly)
    // Scope over the work before anything about whom it goes to.
    if (!canAssignWork(who, scope, context.managedAreaIds)) return refuse(outOfScope)
    let target: { teamId: string } | { personTeamIds: string[] }
    if (data.teamId) {
      if (!context.teams.has(data.teamId)) return refuse('This team is not in your organisation.')
      target = { teamId: data.teamId }
    } else {
      const person = context.people.get(data.personId!)
      if (!person) return refuse('This person is not in your organisation.')
      target = { personTeamIds: person.teamIds }
    }
    if (!canAssignTo(who, target)) return refuse('You can assign work only within the teams you manage.')
    if (data.personId) (scope.assignedPersonIds as Set<string>).add(data.personId)
    if (data.teamId) (scope.assignedTeamIds as Set<string>).add(data.teamId)
    if ('personTeamIds' in target) scope.teamsOfAssignedPeople.push(...target.personTeamIds)
    return {
      outcome: 'applied',
      writes: [{ kind: 'insert', table: 'assignments', record: { ...data, assignedBy: who.id, assignedAt: madeAt } }],
      history: {
        actionId,
        entityType: 'assignment',
        entityId: data.id,
        change: 'assignment.add',
        details: { milestoneId: data.milestoneId, personId: data.personId, teamId: data.teamId },
      },
    }
  },
  onDevice: (data, copy, { authorId, madeAt }) =>
    copy.putAssignment({ ...data, version: 0, assignedBy: authorId, assignedAt: madeAt }),
  undo: (data, copy) => copy.deleteAssignment(data.id),
  describe: (data, titleOf) => `Assignment of ${titleOf(data.milestoneId ?? data.actionId ?? '')}`,
}
