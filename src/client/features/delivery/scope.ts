import type { ActionScope } from '../../../shared/permissions'
import type { Assignment } from '../../../shared/entities'
import type { LocalDatabase } from '../../db/database'

export interface LocalActionScope extends ActionScope {
  teamsOfAssignedPeople: string[]
  assignments: Assignment[]
}

/** Who an action is assigned to, directly or through its milestones: the same facts the server checks. */
export async function loadActionScope(
  db: LocalDatabase,
  actionId: string,
  milestoneIds: string[],
): Promise<LocalActionScope> {
  const [direct, viaMilestones] = await Promise.all([
    db.assignments.where('actionId').equals(actionId).toArray(),
    milestoneIds.length ? db.assignments.where('milestoneId').anyOf(milestoneIds).toArray() : Promise.resolve([]),
  ])
  const assignments = [...direct, ...viaMilestones]
  const personIds = assignments.flatMap((a) => (a.personId ? [a.personId] : []))
  const people = await db.people.bulkGet(personIds)
  const action = await db.actions.get(actionId)
  return {
    leadTeamId: action?.leadTeamId ?? null,
    leadPersonId: action?.leadPersonId ?? null,
    assignedPersonIds: new Set(personIds),
    assignedTeamIds: new Set(assignments.flatMap((a) => (a.teamId ? [a.teamId] : []))),
    teamsOfAssignedPeople: people.flatMap((p) => p?.teamIds ?? []),
    assignments,
  }
}
