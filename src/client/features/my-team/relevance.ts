import type { Action, Area } from '../../../shared/entities'

/** Why a project matters to a team, most direct first. */
export type Relevance = 'led-by-team' | 'assigned-to-team' | 'area' | 'organisation'
const order: Relevance[] = ['led-by-team', 'assigned-to-team', 'area', 'organisation']

export interface TeamContext {
  teamIds: ReadonlySet<string>
  /** The areas of the person's teams. */
  areaIds: ReadonlySet<string>
  /** The whole-organisation area, whose projects matter to everyone (as do those with no area). */
  organisationAreaId: string | undefined
  /** Actions assigned to one of the teams (or to anyone in them). */
  assignedActionIds: ReadonlySet<string>
}

export function relevanceOf(action: Action, team: TeamContext): Relevance | undefined {
  if (action.leadTeamId && team.teamIds.has(action.leadTeamId)) return 'led-by-team'
  if (team.assignedActionIds.has(action.id)) return 'assigned-to-team'
  if (action.areaIds.some((id) => team.areaIds.has(id))) return 'area'
  if (action.areaIds.length === 0) return 'organisation'
  if (team.organisationAreaId && action.areaIds.includes(team.organisationAreaId)) return 'organisation'
  return undefined
}

export interface RankedAction<A extends Action = Action> {
  action: A
  relevance: Relevance
}

/** The projects that matter to a team, the team's own first, then by code. */
export function rankForTeam<A extends Action>(actions: A[], team: TeamContext): RankedAction<A>[] {
  const ranked: RankedAction<A>[] = []
  for (const action of actions) {
    const relevance = relevanceOf(action, team)
    if (relevance) ranked.push({ action, relevance })
  }
  return ranked.sort(
    (a, b) => order.indexOf(a.relevance) - order.indexOf(b.relevance) || a.action.position - b.action.position,
  )
}

export function organisationArea(areas: Area[]): Area | undefined {
  return areas.find((area) => area.kind === 'organisation')
}
