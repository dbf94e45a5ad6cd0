import type { Ref } from 'vue'
import type { Action, Milestone, Person } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { inPlan, isInPlan } from '../../db/archived'
import { actionName } from '../golden-thread/labels'
import type { WorkItem } from './my-work'

/**
 * What is assigned to a person and their teams in the organisation's current (approved)
 * plans: milestones assigned directly, and the milestones of actions assigned to them or
 * led by their team (an action without milestones stands for itself). Archived ones are out of
 * the plan, and so off the list.
 */
export async function loadMyWork(db: LocalDatabase, person: Person): Promise<WorkItem[]> {
  const teamIds = person.teamIds
  const [mine, teams, led, plans] = await Promise.all([
    db.assignments.where('personId').equals(person.id).toArray(),
    teamIds.length ? db.assignments.where('teamId').anyOf(teamIds).toArray() : Promise.resolve([]),
    teamIds.length ? db.actions.where('leadTeamId').anyOf(teamIds).toArray() : Promise.resolve([]),
    db.plans.toArray(),
  ])
  const currentPlans = new Map(
    plans.flatMap((plan) => (plan.status === 'approved' ? [[plan.id, plan.title] as const] : [])),
  )
  const teamNames = new Map((await db.teams.bulkGet(teamIds)).flatMap((t) => (t ? [[t.id, t.name] as const] : [])))
  const who = (a: { personId: string | null; teamId: string | null }) =>
    a.personId ? 'You' : (teamNames.get(a.teamId!) ?? 'Your team')

  const items = new Map<string, WorkItem>()
  const actionCache = new Map<string, Action | undefined>()
  const actionOf = async (id: string) => {
    if (!actionCache.has(id)) actionCache.set(id, await db.actions.get(id))
    return actionCache.get(id)
  }
  const ofAction = (action: Action) => ({
    actionId: action.id,
    actionName: actionName(action),
    planTitle: currentPlans.get(action.planId)!,
  })
  const addMilestone = (milestone: Milestone, action: Action, assignedTo: string) => {
    const kept = currentPlans.has(action.planId) && isInPlan(action) && isInPlan(milestone)
    if (!kept || items.get(milestone.id)?.assignedTo === 'You') return
    items.set(milestone.id, {
      id: milestone.id,
      kind: 'milestone',
      title: milestone.title,
      ...ofAction(action),
      dueDate: milestone.dueDate,
      status: milestone.status,
      assignedTo,
    })
  }
  const addAction = async (action: Action, assignedTo: string) => {
    if (!currentPlans.has(action.planId) || !isInPlan(action)) return
    const milestones = inPlan(await db.milestones.where('actionId').equals(action.id).toArray())
    for (const milestone of milestones) addMilestone(milestone, action, assignedTo)
    if (!milestones.length && items.get(action.id)?.assignedTo !== 'You') {
      items.set(action.id, {
        id: action.id,
        kind: 'action',
        title: actionName(action),
        ...ofAction(action),
        dueDate: action.dueDate,
        status: action.status,
        assignedTo,
      })
    }
  }

  // Direct assignments first, so "You" wins over a team when both apply.
  for (const assignment of [...mine, ...teams]) {
    if (assignment.milestoneId) {
      const milestone = await db.milestones.get(assignment.milestoneId)
      const action = milestone && (await actionOf(milestone.actionId))
      if (milestone && action) addMilestone(milestone, action, who(assignment))
    } else if (assignment.actionId) {
      const action = await actionOf(assignment.actionId)
      if (action) await addAction(action, who(assignment))
    }
  }
  for (const action of led) await addAction(action, teamNames.get(action.leadTeamId!) ?? 'Your team')
  return [...items.values()]
}

export const useMyWork = (person: Ref<Person | undefined>) =>
  useLiveQuery((who) => (who ? loadMyWork(localDb, who) : Promise.resolve([])), person)
