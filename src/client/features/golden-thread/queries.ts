import type { Ref } from 'vue'
import type { Action, Milestone, Outcome, Plan, ProgressUpdate, Recommendation, Theme } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { updatesOfAction } from '../../db/grouped'
import { inPlan } from '../../db/archived'

/**
 * The golden thread on the device. Down: from an outcome or a recommendation to the themes
 * and actions that answer it, with each action's milestones, latest updates and evidence.
 * Up: from a milestone, action or theme to its plan and what they answer. Archived records
 * are out of the plan, so out of the thread, both ways.
 */

/** How many of an action's progress updates the walk down shows: the latest tell where it stands. */
export const latestUpdatesShown = 3

export interface ThreadAction {
  action: Action
  milestones: Milestone[]
  latestUpdates: ProgressUpdate[]
  evidenceCount: number
}

export interface ThreadTheme {
  theme: Theme
  plan: Plan | undefined
  /** The theme itself answers (so all its actions do); otherwise only the actions listed do. */
  answersItself: boolean
  actions: ThreadAction[]
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position

async function threadActions(db: LocalDatabase, actions: Action[]): Promise<ThreadAction[]> {
  return Promise.all(
    inPlan(actions)
      .sort(byPosition)
      .map(async (action) => {
        const [milestones, updates, evidenceCount] = await Promise.all([
          db.milestones.where('actionId').equals(action.id).sortBy('position').then(inPlan),
          updatesOfAction(db, action.id),
          db.evidence.where('actionId').equals(action.id).count(),
        ])
        updates.sort((a, b) => Date.parse(b.madeAt) - Date.parse(a.madeAt))
        return { action, milestones, latestUpdates: updates.slice(0, latestUpdatesShown), evidenceCount }
      }),
  )
}

/**
 * Themes that answer something, with all their actions, and actions that answer it under a
 * theme that does not, grouped under that theme: plan by plan, in the plan's order.
 */
async function answersOf(
  db: LocalDatabase,
  answeringThemes: Theme[],
  answeringActions: Action[],
): Promise<ThreadTheme[]> {
  const themes = inPlan(answeringThemes)
  const actions = inPlan(answeringActions)
  const answering = new Set(themes.map((theme) => theme.id))
  const otherThemeIds = [...new Set(actions.map((action) => action.themeId))].filter((id) => !answering.has(id))
  // An action under an archived theme is out of the plan's lists with it.
  const otherThemes = inPlan(
    (await db.themes.bulkGet(otherThemeIds)).filter(
      (theme): theme is Theme & { searchText: string } => theme !== undefined,
    ),
  )
  const allThemes = [...themes, ...otherThemes]
  const plans = new Map(
    (await db.plans.bulkGet([...new Set(allThemes.map((theme) => theme.planId))])).flatMap((plan) =>
      plan ? [[plan.id, plan] as const] : [],
    ),
  )
  const groups = await Promise.all(
    allThemes.map(async (theme): Promise<ThreadTheme> => {
      const answersItself = answering.has(theme.id)
      const own = answersItself
        ? await db.actions.where('themeId').equals(theme.id).toArray()
        : actions.filter((a) => a.themeId === theme.id)
      return { theme, plan: plans.get(theme.planId), answersItself, actions: await threadActions(db, own) }
    }),
  )
  return groups.sort(
    (a, b) => (a.plan?.title ?? '').localeCompare(b.plan?.title ?? '') || a.theme.position - b.theme.position,
  )
}

export interface OutcomeThread {
  outcome: Outcome
  /** Plans that serve the outcome as a whole, with their themes to walk down through. */
  plans: { plan: Plan; themes: Theme[] }[]
  answers: ThreadTheme[]
}

export async function loadOutcomeThread(db: LocalDatabase, id: string): Promise<OutcomeThread | undefined> {
  const outcome = await db.outcomes.get(id)
  if (!outcome) return undefined
  // Plans have no index of the outcomes they serve: an organisation has a handful of plans.
  const [allPlans, themes, actions] = await Promise.all([
    db.plans.toArray(),
    db.themes.where('outcomeIds').equals(id).toArray(),
    db.actions.where('outcomeIds').equals(id).toArray(),
  ])
  const serving = allPlans
    .filter((plan) => plan.servesOutcomeIds.includes(id))
    .sort((a, b) => a.title.localeCompare(b.title))
  const plans = await Promise.all(
    serving.map(async (plan) => ({
      plan,
      themes: inPlan(await db.themes.where('planId').equals(plan.id).sortBy('position')),
    })),
  )
  return { outcome, plans, answers: await answersOf(db, themes, actions) }
}

export interface RecommendationThread {
  recommendation: Recommendation
  plan: Plan | undefined
  answers: ThreadTheme[]
  /** Whether any action answers it, directly or through its theme. */
  hasAction: boolean
}

export async function loadRecommendationThread(
  db: LocalDatabase,
  id: string,
): Promise<RecommendationThread | undefined> {
  const recommendation = await db.recommendations.get(id)
  if (!recommendation) return undefined
  const [plan, themes, actions] = await Promise.all([
    db.plans.get(recommendation.planId),
    db.themes.where('recommendationIds').equals(id).toArray(),
    db.actions.where('recommendationIds').equals(id).toArray(),
  ])
  const answers = await answersOf(db, themes, actions)
  return { recommendation, plan, answers, hasAction: answers.some((group) => group.actions.length > 0) }
}

export interface ThemeThread {
  theme: Theme
  /** Its plan: whether it may be changed. */
  plan: Plan | undefined
  actions: ThreadAction[]
}

export async function loadThemeThread(db: LocalDatabase, id: string): Promise<ThemeThread | undefined> {
  const theme = await db.themes.get(id)
  if (!theme) return undefined
  const [plan, actions] = await Promise.all([
    db.plans.get(theme.planId),
    db.actions.where('themeId').equals(id).toArray(),
  ])
  return { theme, plan, actions: await threadActions(db, actions) }
}

/** Where the walk up starts: the most specific record given. */
export interface ThreadStart {
  milestoneId?: string
  actionId?: string
  themeId?: string
}

export interface ThreadUp {
  milestone: Milestone | undefined
  action: Action | undefined
  theme: Theme | undefined
  plan: Plan | undefined
  /** The action's, its theme's and its plan's, each once, in that order. */
  outcomes: Outcome[]
  recommendations: Recommendation[]
  servesPlans: Plan[]
  succeeds: Plan | undefined
}

const present = <T>(list: (T | undefined)[]) => list.filter((item): item is T => item !== undefined)

export async function loadThreadUp(db: LocalDatabase, start: ThreadStart): Promise<ThreadUp> {
  const milestone = start.milestoneId ? await db.milestones.get(start.milestoneId) : undefined
  const actionId = milestone?.actionId ?? start.actionId
  const action = actionId ? await db.actions.get(actionId) : undefined
  const themeId = action?.themeId ?? start.themeId
  const theme = themeId ? await db.themes.get(themeId) : undefined
  const plan = theme ? await db.plans.get(theme.planId) : undefined
  const outcomeIds = new Set([
    ...(action?.outcomeIds ?? []),
    ...(theme?.outcomeIds ?? []),
    ...(plan?.servesOutcomeIds ?? []),
  ])
  const recommendationIds = new Set([...(action?.recommendationIds ?? []), ...(theme?.recommendationIds ?? [])])
  const [outcomes, recommendations, servesPlans, succeeds] = await Promise.all([
    db.outcomes
      .bulkGet([...outcomeIds])
      .then(present)
      .then(inPlan),
    db.recommendations
      .bulkGet([...recommendationIds])
      .then(present)
      .then(inPlan),
    db.plans.bulkGet(plan?.servesPlanIds ?? []).then(present),
    plan?.succeedsPlanId ? db.plans.get(plan.succeedsPlanId) : undefined,
  ])
  return { milestone, action, theme, plan, outcomes, recommendations, servesPlans, succeeds }
}

export const useOutcomeThread = (id: Ref<string>) => useLiveQuery((key) => loadOutcomeThread(localDb, key), id)
export const useRecommendationThread = (id: Ref<string>) =>
  useLiveQuery((key) => loadRecommendationThread(localDb, key), id)
export const useThemeThread = (id: Ref<string>) => useLiveQuery((key) => loadThemeThread(localDb, key), id)
export const useThreadUp = (start: Ref<ThreadStart>) => useLiveQuery((from) => loadThreadUp(localDb, from), start)
