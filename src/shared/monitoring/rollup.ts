import type { Action, Measure, ProgressUpdate, Risk, WorkStatus } from '../entities'
import { workStatuses } from '../entities'
import { quarterDates } from '../sync/quarter-dates'
import type { MonitoringRecords } from './monitoring-records'
import {
  actionRagKeys,
  endOfDay,
  measureStandingKeys,
  milestoneOutcome,
  riskBandKey,
  riskBandKeys,
  standingKey,
  type ActionRagKey,
  type MeasureStandingKey,
  type RiskBandKey,
} from './count-keys'

/**
 * The milestones due in the quarter: met is complete by its due date; missed is complete
 * after it, or not complete once it has passed; open is neither yet.
 */
export interface MilestoneFigures {
  due: number
  met: number
  missed: number
  open: number
}

/** The figures rolled up for a plan, a theme or an area. */
export interface RollupFigures {
  actions: number
  actionsByRag: Record<ActionRagKey, number>
  actionsByStatus: Record<WorkStatus, number>
  milestones: MilestoneFigures
  measures: number
  measuresByStanding: Record<MeasureStandingKey, number>
  risks: number
  risksByBand: Record<RiskBandKey, number>
}

/** An action's latest progress update, with the action it is about. */
export interface Commentary {
  action: Action
  update: ProgressUpdate
}

export interface ThemeRollup extends RollupFigures {
  themeId: string
  /** Each of the theme's actions' latest update, newest first, at most `commentaryLimit`. */
  latestCommentary: Commentary[]
}

export interface AreaRollup extends RollupFigures {
  /** Null is the whole organisation: actions that name no area. */
  areaId: string | null
}

export interface PlanRollup extends RollupFigures {
  planId: string
  quarter: string
  /** The quarter's first and last days, ISO dates. */
  quarterStart: string
  quarterEnd: string
  /** The day the figures are as at: a measure's target and whether a milestone has passed depend on it. */
  today: string
  /** In the plan's theme order. */
  themes: ThemeRollup[]
  /** In the order their first action comes in the plan; the whole organisation (null) among them if any action names no area. */
  areas: AreaRollup[]
  /** Each action's latest update, newest first, at most `commentaryLimit`. */
  latestCommentary: Commentary[]
}

export interface RollupOptions {
  /** How many latest updates the plan and each theme keep; 5 unless told. */
  commentaryLimit?: number
}

/**
 * The monitoring roll-up of one plan for a quarter, as at `today` (an ISO date): per plan,
 * per theme and per area. Progress updates made after `today` are not counted, so a past
 * quarter's figures can be worked out again.
 */
export function rollUp(
  records: MonitoringRecords,
  quarter: string,
  today: string,
  options: RollupOptions = {},
): PlanRollup {
  const limit = options.commentaryLimit ?? 5
  const { start, end } = quarterDates(quarter)
  const endOfToday = endOfDay(today)
  const plan = emptyFigures()

  const themes = new Map<string, ThemeRollup>()
  for (const theme of [...records.themes].sort((a, b) => a.position - b.position)) {
    themes.set(theme.id, { themeId: theme.id, ...emptyFigures(), latestCommentary: [] })
  }
  const areas = new Map<string | null, AreaRollup>()
  const areaFigures = (areaId: string | null) => {
    let figures = areas.get(areaId)
    if (!figures) areas.set(areaId, (figures = { areaId, ...emptyFigures() }))
    return figures
  }

  const latest = latestUpdates(records.progressUpdates, endOfToday)

  // Each action's figures go to the plan, its theme and each of its areas; its milestones follow it.
  const figuresOfAction = new Map<string, RollupFigures[]>()
  for (const action of records.actions) {
    const theme = themes.get(action.themeId)
    const areaIds = action.areaIds.length ? new Set(action.areaIds) : [null]
    const figures = [plan, ...(theme ? [theme] : []), ...[...areaIds].map(areaFigures)]
    figuresOfAction.set(action.id, figures)
    const rag = latest.get(action.id)?.update.rag ?? 'no update'
    for (const each of figures) {
      each.actions++
      each.actionsByRag[rag]++
      each.actionsByStatus[action.status]++
    }
  }

  for (const milestone of records.milestones) {
    const due = milestone.dueDate
    if (!due || due < start || due > end) continue
    const figures = figuresOfAction.get(milestone.actionId)
    if (!figures) continue // its action is archived
    const outcome = milestoneOutcome(milestone, due, endOfToday)
    for (const each of figures) {
      each.milestones.due++
      each.milestones[outcome]++
    }
  }

  // A measure or risk counts for the themes it names and for its actions' themes and areas, once each.
  const linkedFigures = (record: Pick<Measure | Risk, 'themeIds' | 'actionIds'>) => {
    const linked = new Set<RollupFigures>([plan])
    for (const themeId of record.themeIds) {
      const theme = themes.get(themeId)
      if (theme) linked.add(theme)
    }
    for (const actionId of record.actionIds) for (const each of figuresOfAction.get(actionId) ?? []) linked.add(each)
    return linked
  }
  for (const measure of records.measures) {
    const standing = standingKey(measure, today)
    for (const each of linkedFigures(measure)) {
      each.measures++
      each.measuresByStanding[standing]++
    }
  }
  for (const risk of records.risks) {
    const band = riskBandKey(risk)
    for (const each of linkedFigures(risk)) {
      each.risks++
      each.risksByBand[band]++
    }
  }

  const dated: Dated[] = []
  const actionOf = new Map<string, Action>()
  for (const action of records.actions) {
    const update = latest.get(action.id)
    if (!update) continue
    dated.push(update)
    actionOf.set(action.id, action)
  }
  dated.sort(newestFirst)
  const commentary = dated.map(({ update }): Commentary => ({ action: actionOf.get(update.actionId)!, update }))
  for (const entry of commentary) {
    const theme = themes.get(entry.action.themeId)
    if (theme && theme.latestCommentary.length < limit) theme.latestCommentary.push(entry)
  }

  return {
    planId: records.plan.id,
    quarter,
    quarterStart: start,
    quarterEnd: end,
    today,
    ...plan,
    themes: [...themes.values()],
    areas: [...areas.values()],
    latestCommentary: commentary.slice(0, limit),
  }
}

const countsOf = <Key extends string>(keys: readonly Key[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>

function emptyFigures(): RollupFigures {
  return {
    actions: 0,
    actionsByRag: countsOf(actionRagKeys),
    actionsByStatus: countsOf(workStatuses),
    milestones: { due: 0, met: 0, missed: 0, open: 0 },
    measures: 0,
    measuresByStanding: countsOf(measureStandingKeys),
    risks: 0,
    risksByBand: countsOf(riskBandKeys),
  }
}

/** An update with when it was made, read once: comparing parsed times is what keeps the roll-up inside a frame. */
interface Dated {
  update: ProgressUpdate
  madeAt: number
}

/** Newest first by when it was made on the device, then by when the server had it, then by id, so ties are stable. */
function newestFirst(a: Dated, b: Dated): number {
  return (
    b.madeAt - a.madeAt ||
    Date.parse(b.update.receivedAt) - Date.parse(a.update.receivedAt) ||
    (a.update.id < b.update.id ? 1 : a.update.id > b.update.id ? -1 : 0)
  )
}

/** Each action's latest update made before the end of the day the figures are as at. */
function latestUpdates(updates: ProgressUpdate[], before: number): Map<string, Dated> {
  const latest = new Map<string, Dated>()
  for (const update of updates) {
    const dated = { update, madeAt: Date.parse(update.madeAt) }
    if (dated.madeAt >= before) continue
    const current = latest.get(update.actionId)
    if (!current || newestFirst(dated, current) < 0) latest.set(update.actionId, dated)
  }
  return latest
}
