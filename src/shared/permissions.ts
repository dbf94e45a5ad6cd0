import type { Person } from './entities'

/**
 * Who may do what to an action. The server enforces these; the app uses the same
 * functions to show only the controls a person may use.
 */
export interface ActionScope {
  leadTeamId: string | null
  /** The person who leads the action, where the organisation has named one. */
  leadPersonId: string | null
  /** People and teams the action, or any of its milestones, is assigned to. */
  assignedPersonIds: ReadonlySet<string>
  assignedTeamIds: ReadonlySet<string>
}

type Who = Pick<Person, 'id' | 'role' | 'teamIds' | 'managesTeamIds'>

const overlaps = (ids: readonly string[], set: ReadonlySet<string>) => ids.some((id) => set.has(id))

function isTeamWork(teamIds: readonly string[], scope: ActionScope): boolean {
  return (scope.leadTeamId !== null && teamIds.includes(scope.leadTeamId)) || overlaps(teamIds, scope.assignedTeamIds)
}

/** Posting progress updates and evidence: on what you lead, or is assigned to you or your team. */
export function canContribute(who: Who, scope: ActionScope): boolean {
  if (who.role === 'admin') return true
  if (who.role === 'viewer') return false
  return scope.leadPersonId === who.id || scope.assignedPersonIds.has(who.id) || isTeamWork(who.teamIds, scope)
}

/**
 * Setting the status of an action or its milestones, directly or by a quarterly update
 * (src/shared/status-language.ts): its lead; managers, on their teams' work (including
 * work assigned to someone in a team they manage); plan admins everywhere.
 */
export function canSetStatus(who: Who, scope: ActionScope, teamsOfAssignedPeople: readonly string[] = []): boolean {
  if (who.role === 'admin') return true
  if (who.role === 'viewer') return false
  if (scope.leadPersonId === who.id) return true
  if (who.role !== 'manager') return false
  return isTeamWork(who.managesTeamIds, scope) || overlaps(who.managesTeamIds, new Set(teamsOfAssignedPeople))
}

/** What a manager's scope over an action rests on, beyond who has it. */
export interface WorkScope extends ActionScope {
  /** The areas the action is for. */
  areaIds: readonly string[]
  /** The teams of the people the action, or any of its milestones, is assigned to. */
  teamsOfAssignedPeople: readonly string[]
}

/**
 * Assigning work, or taking an assignment off it, needs scope over the work first: plan
 * admins have it everywhere; managers on their teams' work (led by, or already given to,
 * one of their teams or someone in one), and on work for the area of a team they manage.
 * Otherwise a manager could give another area's action to their own team, and act on it.
 */
export function canAssignWork(who: Who, work: WorkScope, managedAreaIds: readonly string[]): boolean {
  if (who.role === 'admin') return true
  if (who.role !== 'manager') return false
  return canSetStatus(who, work, work.teamsOfAssignedPeople) || overlaps(work.areaIds, new Set(managedAreaIds))
}

/** Then whom: managers the teams they manage and the people in them; plan admins anyone. */
export function canAssignTo(who: Who, target: { teamId: string } | { personTeamIds: readonly string[] }): boolean {
  if (who.role === 'admin') return true
  if (who.role !== 'manager') return false
  if ('teamId' in target) return who.managesTeamIds.includes(target.teamId)
  return overlaps(target.personTeamIds, new Set(who.managesTeamIds))
}

/** Creating, editing and archiving the plan's records, and running its lifecycle: plan admins only. */
export function canEditPlan(who: Pick<Who, 'role'>): boolean {
  return who.role === 'admin'
}

/** Recording a measure's figures: its owner, and plan admins. */
export function canRecordFigures(who: Pick<Who, 'id' | 'role'>, measure: { ownerPersonId: string | null }): boolean {
  return who.role === 'admin' || (who.role !== 'viewer' && measure.ownerPersonId === who.id)
}

/** Rating a risk: the person who rates it, and plan admins. */
export function canRateRisk(who: Pick<Who, 'id' | 'role'>, risk: { ownerPersonId: string | null }): boolean {
  return who.role === 'admin' || (who.role !== 'viewer' && risk.ownerPersonId === who.id)
}
