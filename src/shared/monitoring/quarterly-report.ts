import { z } from 'zod'
import { measureUnits, workStatuses, type Action, type Milestone, type ProgressUpdate, type Risk } from '../entities'
import { ragStatuses } from '../delivery-records'
import type { MeasureActual } from '../plan-records'
import { finiteNumber } from '../pg-values'
import { id, isoDate, text, timestamp } from '../record-fields'
import { quarterYearBefore } from '../sync/quarter'
import { surveyFigureSource } from './measure-actuals'
import { leadsText } from '../plans/lead-words'
import { directionOfTravel, measureStanding } from './measure-standing'
import type { MonitoringRecords } from './monitoring-records'
import { quarterSchema } from './report-locks'
import { movementOf, scoreOf, type Rating } from './risk-scores'
import {
  actionRagKeys,
  measureStandingKeys,
  milestoneOutcome,
  quarterDates,
  riskBandKey,
  riskBandKeys,
  rollUp,
  standingKey,
  type RollupFigures,
} from './rollup'

/**
 * The quarterly monitoring report of one plan: what the board reads each quarter. Built from
 * a plan's records alone, on a device with no signal or on the server when a quarter is
 * locked, and kept whole as JSON in a lock: so it is a plain value with a schema, which a
 * lock made by another version of the app is checked against.
 */

const count = z.number().int().nonnegative()
const figure = finiteNumber()

/** Counts as rollUp (rollup.ts) makes them. */
export const rollupFiguresSchema = z.object({
  actions: count,
  actionsByRag: z.record(z.enum(actionRagKeys), count),
  actionsByStatus: z.record(z.enum(workStatuses), count),
  milestones: z.object({ due: count, met: count, missed: count, open: count }),
  measures: count,
  measuresByStanding: z.record(z.enum(measureStandingKeys), count),
  risks: count,
  risksByBand: z.record(z.enum(riskBandKeys), count),
})

/** An action as the report names it: its code where it has one, and its title (or, without one, its description). */
export const reportActionSchema = z.object({ id, code: text.nullable(), title: text })
export type ReportAction = z.infer<typeof reportActionSchema>

/** An action's latest progress update made by the day the report is as at. */
export const reportCommentarySchema = z.object({
  period: text,
  rag: z.enum(ragStatuses),
  commentary: text,
  author: text,
  madeAt: timestamp,
})
export type ReportCommentary = z.infer<typeof reportCommentarySchema>

const rating = z.object({ likelihood: count, impact: count })

export const quarterlyReportSchema = z.object({
  /** The shape of report this is: a lock made by a version of the app with another shape is refused, not half read. */
  format: z.literal(1),
  plan: z.object({ id, title: text, versionLabel: text }),
  quarter: quarterSchema,
  quarterStart: isoDate,
  quarterEnd: isoDate,
  /** The day the figures are as at: updates and evidence after it are not counted. */
  asAt: isoDate,

  /** RAG counts for the plan, and for each theme in the plan's order. */
  summary: rollupFiguresSchema.extend({
    themes: z.array(rollupFiguresSchema.extend({ themeId: id, code: text.nullable(), title: text })),
  }),

  /** Each theme's actions in the plan's order, with their status and latest commentary. */
  themes: z.array(
    z.object({
      id,
      code: text.nullable(),
      title: text,
      actions: z.array(
        reportActionSchema.extend({
          status: z.enum(workStatuses),
          rag: z.enum(actionRagKeys),
          leads: text,
          dueDate: isoDate.nullable(),
          latest: reportCommentarySchema.nullable(),
        }),
      ),
    }),
  ),

  /** What is red or amber, and what is being done about it. */
  exceptions: z.object({
    /** Red first, then amber; the latest commentary is the remedial action. */
    actions: z.array(
      reportActionSchema.extend({
        themeTitle: text,
        rag: z.enum(['red', 'amber']),
        remedialAction: text,
        author: text,
        madeAt: timestamp,
      }),
    ),
    measures: z.array(
      z.object({
        id,
        title: text,
        rag: z.enum(['red', 'amber']),
        actual: figure,
        target: figure,
        period: text,
        /** The note recorded with its latest figure. */
        note: text.nullable(),
      }),
    ),
  }),

  /** The milestones due in the quarter, by due date, and how each stands (met, missed, or open yet). */
  milestones: z.object({
    due: count,
    met: count,
    missed: count,
    open: count,
    items: z.array(
      z.object({
        id,
        title: text,
        action: reportActionSchema,
        dueDate: isoDate,
        status: z.enum(workStatuses),
        outcome: z.enum(['met', 'missed', 'open']),
      }),
    ),
  }),

  /** Every measure: its latest figure against its target, which way it moved, and the same quarter last year's figure. */
  measures: z.array(
    z.object({
      id,
      title: text,
      unit: z.enum(measureUnits),
      standing: z.enum(measureStandingKeys),
      actual: figure.nullable(),
      actualPeriod: text.nullable(),
      target: figure.nullable(),
      direction: z.enum(['improving', 'worsening', 'no change']).nullable(),
      /** The figure recorded for the same quarter a year before, where there is one. */
      lastYear: figure.nullable(),
    }),
  ),

  /** The risk register: each risk's rating as at the quarter and how it moved since the quarter before. */
  risks: z.array(
    z.object({
      id,
      title: text,
      owner: text.nullable(),
      inherent: rating.nullable(),
      residual: rating.nullable(),
      /** Of the residual rating where there is one, else the inherent; null when unrated. */
      score: count.nullable(),
      band: z.enum(riskBandKeys),
      /** Null when unrated; new when it has no rating from an earlier quarter. */
      movement: z.enum(['up', 'down', 'same', 'new']).nullable(),
      previousScore: count.nullable(),
      reviewDate: isoDate.nullable(),
    }),
  ),

  /** Staff survey results against the plan's targets: each measure a survey feeds, with its latest survey figure. */
  surveys: z.array(
    z.object({
      measureId: id,
      title: text,
      unit: z.enum(measureUnits),
      /** The survey the figure came from, as its period is written. */
      survey: text,
      actual: figure,
      target: figure.nullable(),
      standing: z.enum(measureStandingKeys),
    }),
  ),

  /** Evidence added in the quarter, by action in the plan's order. */
  evidence: z.object({
    count,
    actions: z.array(
      z.object({
        action: reportActionSchema,
        items: z.array(z.object({ id, note: text, author: text, madeAt: timestamp, milestoneTitle: text.nullable() })),
      }),
    ),
  }),
})
export type QuarterlyReport = z.infer<typeof quarterlyReportSchema>

/** Who the people a report names are: person id to name. Someone not listed is named as unknown. */
export interface ReportNames {
  people: Readonly<Record<string, string>>
}

const day = 86_400_000
const unknownPerson = 'Someone not on the staff list'

/**
 * A figure a closed staff survey gave its measure (src/server/surveys/closing.ts; those
 * recorded before it named its source say so in their note), or a document's survey figure.
 */
export const isSurveyFigure = (actual: MeasureActual) =>
  actual.source === surveyFigureSource ||
  actual.note?.startsWith('Staff survey closed') === true ||
  /\bsurvey\b/i.test(actual.period)

/**
 * The day a quarter's report is as at: today while the quarter runs, its last day once it
 * has ended, so a past quarter's report reads as it stood then, whenever it is built.
 */
export function reportDay(quarter: string, today: string): string {
  const { end } = quarterDates(quarter)
  return today < end ? today : end
}

/**
 * The quarterly report of a plan for a quarter ("2026/27 Q3"), as at `today` (an ISO date):
 * the RAG counts are rollUp's, so the report and the dashboard never disagree.
 */
export function buildQuarterlyReport(
  records: MonitoringRecords,
  quarter: string,
  today: string,
  names: ReportNames,
): QuarterlyReport {
  // Risks as rated in the quarter, so the summary's bands and the register agree on a past quarter.
  const risksAsAt = records.risks.map((risk) => riskAsAt(risk, quarter))
  const rollup = rollUp({ ...records, risks: risksAsAt }, quarter, today, { commentaryLimit: Infinity })
  const endOfToday = Date.parse(`${today}T00:00:00Z`) + day
  const nameOf = (personId: string) => names.people[personId] ?? unknownPerson
  const commentaryOf = (update: ProgressUpdate): ReportCommentary => ({
    period: update.period,
    rag: update.rag,
    commentary: update.commentary,
    author: nameOf(update.authorId),
    madeAt: update.madeAt,
  })
  const latest = new Map(rollup.latestCommentary.map(({ action, update }) => [action.id, update]))

  const themes = new Map(records.themes.map((theme) => [theme.id, theme]))
  const orderedThemes = rollup.themes.map(({ themeId }) => themes.get(themeId)!)
  const actionsOfTheme = groupBy([...records.actions].sort(byPosition), (action) => action.themeId)
  // The plan's order: theme by theme. An action whose theme is archived is left out, as rollUp leaves its figures out of every theme.
  const orderedActions = orderedThemes.flatMap((theme) => actionsOfTheme.get(theme.id) ?? [])
  const actions = new Map(records.actions.map((action) => [action.id, action]))

  const measureRows = [...records.measures]
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || (a.id < b.id ? -1 : 1))
    .map((measure) => ({ measure, standing: measureStanding(measure, today), key: standingKey(measure, today) }))

  return {
    format: 1,
    plan: { id: records.plan.id, title: records.plan.title, versionLabel: records.plan.versionLabel },
    quarter,
    quarterStart: rollup.quarterStart,
    quarterEnd: rollup.quarterEnd,
    asAt: today,
    summary: {
      ...figuresOf(rollup),
      themes: rollup.themes.map((figures) => {
        const theme = themes.get(figures.themeId)!
        return { themeId: theme.id, code: theme.code, title: theme.title, ...figuresOf(figures) }
      }),
    },
    themes: orderedThemes.map((theme) => ({
      id: theme.id,
      code: theme.code,
      title: theme.title,
      actions: (actionsOfTheme.get(theme.id) ?? []).map((action) => {
        const update = latest.get(action.id)
        return {
          ...actionOf(action),
          status: action.status,
          rag: update?.rag ?? 'no update',
          leads: leadsOf(action, nameOf),
          dueDate: action.dueDate,
          latest: update ? commentaryOf(update) : null,
        }
      }),
    })),
    exceptions: {
      actions: (['red', 'amber'] as const).flatMap((rag) =>
        orderedActions.flatMap((action) => {
          const update = latest.get(action.id)
          if (update?.rag !== rag) return []
          return [
            {
              ...actionOf(action),
              themeTitle: themes.get(action.themeId)!.title,
              rag,
              remedialAction: update.commentary,
              author: nameOf(update.authorId),
              madeAt: update.madeAt,
            },
          ]
        }),
      ),
      measures: (['red', 'amber'] as const).flatMap((rag) =>
        measureRows.flatMap(({ measure, standing }) =>
          standing.kind === 'rated' && standing.rag === rag
            ? [
                {
                  id: measure.id,
                  title: measure.title,
                  rag,
                  actual: standing.actual,
                  target: standing.target,
                  period: standing.period,
                  note: measure.actuals.at(-1)?.note ?? null,
                },
              ]
            : [],
        ),
      ),
    },
    milestones: {
      ...rollup.milestones,
      items: records.milestones
        .filter(
          (milestone): milestone is Milestone & { dueDate: string } =>
            milestone.dueDate !== null &&
            milestone.dueDate >= rollup.quarterStart &&
            milestone.dueDate <= rollup.quarterEnd &&
            actions.has(milestone.actionId),
        )
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byPosition(a, b))
        .map((milestone) => ({
          id: milestone.id,
          title: milestone.title,
          action: actionOf(actions.get(milestone.actionId)!),
          dueDate: milestone.dueDate,
          status: milestone.status,
          outcome: milestoneOutcome(milestone, milestone.dueDate, endOfToday),
        })),
    },
    measures: measureRows.map(({ measure, standing, key }) => ({
      id: measure.id,
      title: measure.title,
      unit: measure.unit,
      standing: key,
      actual: standing.kind === 'no data' ? null : standing.actual,
      actualPeriod: standing.kind === 'no data' ? null : standing.period,
      target: standing.kind === 'rated' ? standing.target : null,
      direction: directionOfTravel(measure),
      lastYear: measure.actuals.find((actual) => actual.period === quarterYearBefore(quarter))?.value ?? null,
    })),
    risks: risksAsAt.sort(byPosition).map((risk) => riskRowOf(risk, quarter)),
    surveys: measureRows.flatMap(({ measure }) => {
      const surveyed = measure.actuals.filter(isSurveyFigure).at(-1)
      if (!surveyed) return []
      const asSurveyed = { ...measure, actuals: [surveyed] }
      const standing = measureStanding(asSurveyed, today)
      return [
        {
          measureId: measure.id,
          title: measure.title,
          unit: measure.unit,
          survey: surveyed.period,
          actual: surveyed.value,
          target: standing.kind === 'rated' ? standing.target : null,
          standing: standingKey(asSurveyed, today),
        },
      ]
    }),
    evidence: evidenceOf(records, orderedActions, rollup.quarterStart, rollup.quarterEnd, endOfToday, nameOf),
  }
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}

/** Only the counts: a roll-up also carries ids and commentary the report words itself. */
function figuresOf(figures: RollupFigures): RollupFigures {
  const { actions, actionsByRag, actionsByStatus, milestones, measures, measuresByStanding, risks, risksByBand } =
    figures
  return { actions, actionsByRag, actionsByStatus, milestones, measures, measuresByStanding, risks, risksByBand }
}

const actionOf = (action: Action): ReportAction => ({
  id: action.id,
  code: action.code,
  title: action.title ?? action.description,
})

/** The leads as the plan writes them ("Head of Safeguarding (Sam Patel)"), else the lead person's name. */
function leadsOf(action: Action, nameOf: (personId: string) => string): string {
  if (action.leads.length) return leadsText(action.leads)
  return action.leadPersonId ? nameOf(action.leadPersonId) : ''
}

type RatedFields = Pick<Risk, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>
const ratingOf = (likelihood: number | null, impact: number | null): Rating | null =>
  likelihood !== null && impact !== null ? { likelihood, impact } : null
const placedOf = (rated: RatedFields) =>
  ratingOf(rated.residualLikelihood, rated.residualImpact) ?? ratingOf(rated.likelihood, rated.impact)

/** A risk with the rating it had in the quarter: its rating of that quarter or the last before, else (never rated in the app by then) the one it has. */
function riskAsAt(risk: Risk, quarter: string): Risk {
  const rated = risk.assessments.filter((assessment) => assessment.quarter <= quarter).at(-1)
  if (!rated) return risk
  const { likelihood, impact, residualLikelihood, residualImpact } = rated
  return { ...risk, likelihood, impact, residualLikelihood, residualImpact }
}

/** A risk as rated in the quarter (riskAsAt), moved against its rating of an earlier quarter. */
function riskRowOf(risk: Risk, quarter: string): QuarterlyReport['risks'][number] {
  const earlier = risk.assessments.filter((assessment) => assessment.quarter < quarter).at(-1)
  const now = placedOf(risk)
  const before = earlier ? placedOf(earlier) : null
  return {
    id: risk.id,
    title: risk.title ?? risk.description,
    owner: risk.owner,
    inherent: ratingOf(risk.likelihood, risk.impact),
    residual: ratingOf(risk.residualLikelihood, risk.residualImpact),
    score: now && scoreOf(now),
    band: riskBandKey(risk),
    movement: now && movementOf(now, before ?? undefined),
    previousScore: before && scoreOf(before),
    reviewDate: risk.reviewDate,
  }
}

/** Evidence made in the quarter and by the end of the day the report is as at, oldest first within each action. */
function evidenceOf(
  records: MonitoringRecords,
  orderedActions: Action[],
  start: string,
  end: string,
  endOfToday: number,
  nameOf: (personId: string) => string,
): QuarterlyReport['evidence'] {
  const inQuarter = records.evidence.filter((evidence) => {
    const madeOn = evidence.madeAt.slice(0, 10)
    return madeOn >= start && madeOn <= end && Date.parse(evidence.madeAt) < endOfToday
  })
  inQuarter.sort((a, b) => Date.parse(a.madeAt) - Date.parse(b.madeAt) || (a.id < b.id ? -1 : 1))
  const byAction = groupBy(inQuarter, (evidence) => evidence.actionId)
  const milestoneTitles = new Map(records.milestones.map((milestone) => [milestone.id, milestone.title]))
  const actions = orderedActions.flatMap((action) => {
    const items = byAction.get(action.id)
    if (!items) return []
    return [
      {
        action: actionOf(action),
        items: items.map((evidence) => ({
          id: evidence.id,
          note: evidence.note,
          author: nameOf(evidence.authorId),
          madeAt: evidence.madeAt,
          milestoneTitle: (evidence.milestoneId && milestoneTitles.get(evidence.milestoneId)) ?? null,
        })),
      },
    ]
  })
  return { count: actions.reduce((sum, each) => sum + each.items.length, 0), actions }
}
