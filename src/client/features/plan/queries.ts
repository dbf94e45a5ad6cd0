import type { Ref } from 'vue'
import type { Action, Area, Measure, Organisation, Plan, Team, Theme, Value } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'

export interface PlanOverview {
  organisation: Organisation | undefined
  plan: Plan | undefined
  values: Value[]
  areas: Area[]
  priorities: { theme: Theme; projects: Action[] }[]
}

/** The organisation's plan; with `areaId`, only that area's projects. */
export async function loadPlanOverview(db: LocalDatabase, areaId: string | undefined): Promise<PlanOverview> {
  const [organisation, plan, values, areas, themes] = await Promise.all([
    db.organisations.toCollection().first(),
    db.plans.toCollection().first(),
    db.values.orderBy('position').toArray(),
    db.areas.orderBy('position').toArray(),
    db.themes.orderBy('position').toArray(),
  ])
  const actions = areaId ? await db.actions.where('areaIds').equals(areaId).toArray() : await db.actions.toArray()
  actions.sort((a, b) => a.position - b.position)
  return {
    organisation,
    plan,
    values,
    areas,
    priorities: themes.map((theme) => ({ theme, projects: actions.filter((action) => action.themeId === theme.id) })),
  }
}

export interface ActionDetail {
  action: Action
  theme: Theme | undefined
  areas: Area[]
  leadTeam: Team | undefined
  measures: Measure[]
}

export async function loadActionDetail(db: LocalDatabase, id: string): Promise<ActionDetail | undefined> {
  const action = await db.actions.get(id)
  if (!action) return undefined
  const [theme, areas, leadTeam, measures] = await Promise.all([
    db.themes.get(action.themeId),
    db.areas.bulkGet(action.areaIds),
    action.leadTeamId ? db.teams.get(action.leadTeamId) : undefined,
    db.measures.where('planId').equals(action.planId).filter((m) => m.actionIds.includes(id)).toArray(),
  ])
  return { action, theme, areas: areas.filter((a): a is Area => a !== undefined), leadTeam, measures }
}

export const usePlanOverview = (areaId: Ref<string | undefined>) =>
  useLiveQuery((area) => loadPlanOverview(localDb, area), areaId)

export const useActionDetail = (id: Ref<string>) => useLiveQuery((actionId) => loadActionDetail(localDb, actionId), id)
