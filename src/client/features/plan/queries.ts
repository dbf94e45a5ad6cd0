import type { Ref } from 'vue'
import type {
  Action,
  Area,
  Measure,
  Organisation,
  Outcome,
  Plan,
  Recommendation,
  Risk,
  Role,
  Section,
  Team,
  Theme,
  Value,
} from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { inPlan } from '../../db/archived'
import { byPosition, planShownTo, sortPlans } from './plan-order'

export interface PlanListEntry {
  plan: Plan
  succeeds: Plan | undefined
  succeededBy: Plan[]
}

/** The organisation's plans a person with `role` sees, current ones first. */
export async function loadPlans(db: LocalDatabase, role: Role | undefined): Promise<PlanListEntry[]> {
  const plans = sortPlans((await db.plans.toArray()).filter((plan) => planShownTo(plan, role)))
  const byId = new Map(plans.map((plan) => [plan.id, plan]))
  return plans.map((plan) => ({
    plan,
    succeeds: plan.succeedsPlanId ? byId.get(plan.succeedsPlanId) : undefined,
    succeededBy: plans.filter((other) => other.succeedsPlanId === plan.id),
  }))
}

export interface ThemeWithActions {
  theme: Theme
  actions: Action[]
  recommendations: Recommendation[]
}

export interface RecommendationAnswers {
  recommendation: Recommendation
  themes: Theme[]
  actions: Action[]
}

export interface PlanPage extends PlanListEntry {
  organisation: Organisation | undefined
  values: Value[]
  /** The areas this plan's actions are for, to filter by where there is more than one. */
  areas: Area[]
  themes: ThemeWithActions[]
  shownActions: number
  recommendations: RecommendationAnswers[]
  risks: Risk[]
  measures: Measure[]
  sections: Section[]
  serves: { plans: Plan[]; outcomes: Outcome[] }
}

const present = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined)

/** One plan in its own shape; with `areaId`, only that area's actions. */
export async function loadPlanPage(
  db: LocalDatabase,
  id: string,
  role: Role | undefined,
  areaId?: string,
): Promise<PlanPage | undefined> {
  const plan = await db.plans.get(id)
  if (!plan || !planShownTo(plan, role)) return undefined
  const [organisation, values, allAreas, themes, actions, recommendations, risks, measures, sections, plans, outcomes] =
    await Promise.all([
      db.organisations.toCollection().first(),
      db.values.orderBy('position').toArray(),
      db.areas.orderBy('position').toArray(),
      db.themes.where('planId').equals(id).toArray().then(inPlan),
      db.actions.where('planId').equals(id).toArray().then(inPlan),
      db.recommendations.where('planId').equals(id).toArray().then(inPlan),
      db.risks.where('planId').equals(id).toArray().then(inPlan),
      db.measures.where('planId').equals(id).toArray().then(inPlan),
      db.sections.where('planId').equals(id).toArray(),
      db.plans.toArray(),
      db.outcomes.bulkGet(plan.servesOutcomeIds),
    ])
  themes.sort(byPosition)
  actions.sort(byPosition)
  recommendations.sort(byPosition)
  const usedAreas = new Set(actions.flatMap((action) => action.areaIds))
  const shown = areaId ? actions.filter((action) => action.areaIds.includes(areaId)) : actions
  const recommendationsById = new Map(recommendations.map((recommendation) => [recommendation.id, recommendation]))
  const visiblePlans = plans.filter((other) => planShownTo(other, role))
  const planById = new Map(visiblePlans.map((other) => [other.id, other]))
  return {
    plan,
    succeeds: plan.succeedsPlanId ? planById.get(plan.succeedsPlanId) : undefined,
    succeededBy: visiblePlans.filter((other) => other.succeedsPlanId === id),
    organisation,
    values,
    areas: allAreas.filter((area) => usedAreas.has(area.id)),
    themes: themes.map((theme) => ({
      theme,
      actions: shown.filter((action) => action.themeId === theme.id),
      recommendations: present(theme.recommendationIds.map((rid) => recommendationsById.get(rid))),
    })),
    shownActions: shown.length,
    recommendations: recommendations.map((recommendation) => ({
      recommendation,
      themes: themes.filter((theme) => theme.recommendationIds.includes(recommendation.id)),
      actions: actions.filter((action) => action.recommendationIds.includes(recommendation.id)),
    })),
    risks: risks.sort(byPosition),
    measures,
    sections: sections.sort(byPosition),
    serves: { plans: present(plan.servesPlanIds.map((pid) => planById.get(pid))), outcomes: inPlan(present(outcomes)) },
  }
}

export interface ActionDetail {
  action: Action
  plan: Plan | undefined
  theme: Theme | undefined
  areas: Area[]
  leadTeam: Team | undefined
  measures: Measure[]
}

export async function loadActionDetail(db: LocalDatabase, id: string): Promise<ActionDetail | undefined> {
  const action = await db.actions.get(id)
  if (!action) return undefined
  const [plan, theme, areas, leadTeam, measures] = await Promise.all([
    db.plans.get(action.planId),
    db.themes.get(action.themeId),
    db.areas.bulkGet(action.areaIds),
    action.leadTeamId ? db.teams.get(action.leadTeamId) : undefined,
    db.measures
      .where('planId')
      .equals(action.planId)
      .filter((m) => m.actionIds.includes(id))
      .toArray(),
  ])
  return { action, plan, theme, areas: present(areas), leadTeam, measures }
}

export const usePlans = (role: Ref<Role | undefined>) => useLiveQuery((r) => loadPlans(localDb, r), role)

/** The organisation's outcomes, the top of the golden thread, in their order. */
export const useOutcomes = () => useLiveQuery(() => localDb.outcomes.orderBy('position').toArray().then(inPlan))

export const usePlanPage = (input: Ref<{ id: string; role: Role | undefined; areaId: string | undefined }>) =>
  useLiveQuery(({ id, role, areaId }) => loadPlanPage(localDb, id, role, areaId), input)

export const useActionDetail = (id: Ref<string>) => useLiveQuery((actionId) => loadActionDetail(localDb, actionId), id)
