import type { Action, Milestone, ProgressUpdate, Risk } from '../entities'
import { leadsText } from '../plans/lead-words'
import type { MonitoringRecords } from './monitoring-records'
import { inherentOf, movementOf, placedOf, residualOf, scoreOf } from './risk-scores'
import { rollUp, type RollupFigures } from './rollup'
import { endOfDay, milestoneOutcome, riskBandKey } from './count-keys'
import { quarterDates } from '../sync/quarter-dates'
import type { QuarterlyReport, ReportAction, ReportCommentary, ReportNames } from './quarterly-report-schema'
import { measureSections } from './report-measures'

const unknownPerson = 'Someone not on the staff list'

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
  const endOfToday = endOfDay(today)
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

  const measures = measureSections(records.measures, quarter, today)

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
      measures: measures.exceptions,
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
    measures: measures.measures,
    risks: risksAsAt.sort(byPosition).map((risk) => riskRowOf(risk, quarter)),
    surveys: measures.surveys,
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
  const now = placedOf(risk) ?? null
  const before = earlier ? (placedOf(earlier) ?? null) : null
  return {
    id: risk.id,
    title: risk.title ?? risk.description,
    owner: risk.owner,
    inherent: inherentOf(risk) ?? null,
    residual: residualOf(risk) ?? null,
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
