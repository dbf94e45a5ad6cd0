import type { Ref } from 'vue'
import type { Action, Milestone, Person, Plan, Team, Theme, Value } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { updatesOfAction } from '../../db/grouped'
import { inPlan, isInPlan } from '../../db/archived'
import { organisationArea, rankForTeam, type RankedAction, type Relevance } from './relevance'
import { projectRow, type ProjectRow } from './project-rows'

export type RankedRow = ProjectRow & { relevance: Relevance }

export interface TeamPriorities {
  person: Person
  teams: Team[]
  areaNames: string[]
  values: Value[]
  /** The organisation's current (approved) plans, the only ones whose actions count here. */
  plans: Plan[]
  /** Projects the team leads or is assigned. */
  ownProjects: RankedRow[]
  /** The rest of the team's area and the whole organisation, under their priority, plan by plan. */
  priorities: { theme: Theme; projects: RankedRow[] }[]
}

/** Each project with what its row shows: milestones (next, overdue) and this quarter's update. */
async function toRows(db: LocalDatabase, ranked: RankedAction[], today: string): Promise<RankedRow[]> {
  const ids = ranked.map((r) => r.action.id)
  const [milestones, updates, teams] = await Promise.all([
    ids.length ? db.milestones.where('actionId').anyOf(ids).toArray().then(inPlan) : Promise.resolve([]),
    Promise.all(ids.map((id) => updatesOfAction(db, id))),
    db.teams.toArray(),
  ])
  const milestonesOf = new Map<string, Milestone[]>()
  for (const m of milestones) milestonesOf.set(m.actionId, [...(milestonesOf.get(m.actionId) ?? []), m])
  const context = { today, teamNames: new Map(teams.map((team) => [team.id, team.name])) }
  return ranked.map((r, i) => ({
    ...projectRow(r.action, milestonesOf.get(r.action.id) ?? [], updates[i]!, context),
    relevance: r.relevance,
  }))
}

export async function loadTeamPriorities(
  db: LocalDatabase,
  personId: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<TeamPriorities | undefined> {
  const person = await db.people.get(personId)
  if (!person) return undefined
  const [teams, areas, values, allPlans] = await Promise.all([
    db.teams.bulkGet(person.teamIds).then((list) => list.filter((team): team is Team => team !== undefined)),
    db.areas.orderBy('position').toArray(),
    db.values.orderBy('position').toArray(),
    db.plans.toArray(),
  ])
  const plans = allPlans.filter((plan) => plan.status === 'approved').sort((a, b) => a.title.localeCompare(b.title))
  const planIds = new Set(plans.map((plan) => plan.id))
  const teamIds = new Set(teams.map((team) => team.id))
  const areaIds = new Set(teams.map((team) => team.areaId))
  const organisationAreaId = organisationArea(areas)?.id
  const wantedAreas = [...areaIds, ...(organisationAreaId ? [organisationAreaId] : [])]
  // Narrow index reads only: the team's areas, its assignments, the projects it leads, and
  // per plan the few with no area (the whole organisation's), which no index can find.
  // One `equals` per key: Dexie runs `anyOf` on a multi-entry index as a cursor, one record a step.
  const byKey = <T>(keys: Iterable<string>, read: (key: string) => Promise<T[]>) =>
    Promise.all([...keys].map(read)).then((lists) => lists.flat())
  const [inAreas, everywhere, assignments, led, themes] = await Promise.all([
    byKey(wantedAreas, (area) => db.actions.where('areaIds').equals(area).toArray()),
    byKey(planIds, (plan) =>
      db.actions
        .where('planId')
        .equals(plan)
        .filter((action) => action.areaIds.length === 0)
        .toArray(),
    ),
    byKey(teamIds, (team) => db.assignments.where('teamId').equals(team).toArray()),
    byKey(teamIds, (team) => db.actions.where('leadTeamId').equals(team).toArray()),
    byKey(planIds, (plan) => db.themes.where('planId').equals(plan).sortBy('position').then(inPlan)),
  ])
  const assignedActionIds = new Set(assignments.flatMap((a) => (a.actionId ? [a.actionId] : [])))
  const byId = new Map<string, Action>()
  for (const action of [...inAreas, ...everywhere, ...led]) byId.set(action.id, action)
  const missing = [...assignedActionIds].filter((id) => !byId.has(id))
  for (const action of await db.actions.bulkGet(missing)) if (action) byId.set(action.id, action)
  // Archived projects, and those under an archived theme, are out of the plan.
  const themeIds = new Set(themes.map((theme) => theme.id))
  const current = [...byId.values()].filter(
    (action) => planIds.has(action.planId) && isInPlan(action) && themeIds.has(action.themeId),
  )

  const ranked = await toRows(
    db,
    rankForTeam(current, { teamIds, areaIds, organisationAreaId, assignedActionIds }),
    today,
  )
  const own = ranked.filter((r) => r.relevance === 'led-by-team' || r.relevance === 'assigned-to-team')
  const rest = ranked.filter((r) => r.relevance === 'area' || r.relevance === 'organisation')
  return {
    person,
    teams,
    areaNames: areas.filter((area) => areaIds.has(area.id)).map((area) => area.name),
    values,
    plans,
    ownProjects: own,
    priorities: themes
      .map((theme) => ({ theme, projects: rest.filter((r) => r.action.themeId === theme.id) }))
      .filter((group) => group.projects.length > 0),
  }
}

export const useTeamPriorities = (personId: Ref<string | undefined>) =>
  useLiveQuery((id) => (id ? loadTeamPriorities(localDb, id) : Promise.resolve(undefined)), personId)
