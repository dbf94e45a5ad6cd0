import type { QuarterlyReport } from '../../../shared/monitoring/quarterly-report-schema'
import { actionRagKeys, measureStandingKeys, riskBandKeys } from '../../../shared/monitoring/count-keys'
import type { Rating } from '../../../shared/monitoring/risk-scores'
import { statusLabels } from '../../../shared/status-language'
import { formatDay } from '../../ui/format'
import { actionRagWords, measureStandingWords, riskBandWords } from '../dashboard/dashboard-words'
import { unitWords } from '../plan/measure-words'
import { directionWords, milestoneOutcomeWords, movementWords, reportActionName } from './report-words'

/** A cell of an exported table: a figure stays a number, so a spreadsheet can add it up. */
export type Cell = string | number | null

export interface ReportTable {
  title?: string
  columns: string[]
  rows: Cell[][]
}

export interface ReportSection {
  heading: string
  tables: ReportTable[]
}

/**
 * A quarterly report as the sections and tables every export writes: the CSV one row per
 * table row, the Word document a heading per section and a table for each. One list, so
 * the two exports never disagree about what the report says.
 */
export function reportSections(report: QuarterlyReport): ReportSection[] {
  return [
    summary(report),
    projects(report),
    exceptions(report),
    milestones(report),
    measures(report),
    risks(report),
    surveys(report),
    evidence(report),
  ]
}

const day = (iso: string | null | undefined) => (iso ? formatDay(iso.slice(0, 10)) : null)
const rating = (r: Rating | null) => (r ? `${r.likelihood} × ${r.impact} = ${r.likelihood * r.impact}` : null)

function summary(report: QuarterlyReport): ReportSection {
  const { summary } = report
  const lines = [
    { name: 'Whole plan', figures: summary },
    ...summary.themes.map((theme) => ({ name: reportActionName({ ...theme, id: theme.themeId }), figures: theme })),
  ]
  return {
    heading: 'Summary',
    tables: [
      {
        title: 'Projects by their latest RAG rating',
        columns: ['Theme', 'Projects', ...actionRagKeys.map((key) => actionRagWords[key])],
        rows: lines.map(({ name, figures: f }) => [
          name,
          f.actions,
          ...actionRagKeys.map((key) => f.actionsByRag[key]),
        ]),
      },
      {
        title: 'Milestones due in the quarter',
        columns: ['Theme', 'Due', 'Met', 'Missed', 'Open'],
        rows: lines.map(({ name, figures: { milestones: m } }) => [name, m.due, m.met, m.missed, m.open]),
      },
      {
        title: 'Measures against target',
        columns: ['Theme', 'Measures', ...measureStandingKeys.map((key) => measureStandingWords[key])],
        rows: lines.map(({ name, figures: f }) => [
          name,
          f.measures,
          ...measureStandingKeys.map((key) => f.measuresByStanding[key]),
        ]),
      },
      {
        title: 'Risks by score',
        columns: ['Theme', 'Risks', ...riskBandKeys.map((key) => riskBandWords[key])],
        rows: lines.map(({ name, figures: f }) => [name, f.risks, ...riskBandKeys.map((key) => f.risksByBand[key])]),
      },
    ],
  }
}

function projects(report: QuarterlyReport): ReportSection {
  return {
    heading: 'Progress by theme',
    tables: report.themes.map((theme) => ({
      title: reportActionName(theme),
      columns: ['Project', 'Status', 'RAG', 'Leads', 'Due', 'Latest commentary', 'By', 'Date'],
      rows: theme.actions.map((action) => [
        reportActionName(action),
        statusLabels[action.status].label,
        actionRagWords[action.rag],
        action.leads,
        day(action.dueDate),
        action.latest?.commentary ?? null,
        action.latest?.author ?? null,
        day(action.latest?.madeAt),
      ]),
    })),
  }
}

function exceptions(report: QuarterlyReport): ReportSection {
  return {
    heading: 'Exceptions',
    tables: [
      {
        title: 'Projects red or amber',
        columns: ['Project', 'Theme', 'RAG', 'Remedial action', 'By', 'Date'],
        rows: report.exceptions.actions.map((action) => [
          reportActionName(action),
          action.themeTitle,
          actionRagWords[action.rag],
          action.remedialAction,
          action.author,
          day(action.madeAt),
        ]),
      },
      {
        title: 'Measures red or amber',
        columns: ['Measure', 'RAG', 'Actual', 'Target', 'Period', 'Note'],
        rows: report.exceptions.measures.map((m) => [
          m.title,
          measureStandingWords[m.rag],
          m.actual,
          m.target,
          m.period,
          m.note,
        ]),
      },
    ],
  }
}

function milestones(report: QuarterlyReport): ReportSection {
  const { due, met, missed, open, items } = report.milestones
  return {
    heading: 'Milestones',
    tables: [
      {
        title: `${due} due: ${met} met, ${missed} missed, ${open} open`,
        columns: ['Milestone', 'Project', 'Due', 'Status', 'Outcome'],
        rows: items.map((m) => [
          m.title,
          reportActionName(m.action),
          day(m.dueDate),
          statusLabels[m.status].label,
          milestoneOutcomeWords[m.outcome],
        ]),
      },
    ],
  }
}

function measures(report: QuarterlyReport): ReportSection {
  return {
    heading: 'Measures scorecard',
    tables: [
      {
        columns: ['Measure', 'Unit', 'Actual', 'Period', 'Target', 'RAG', 'Direction of travel', 'Last year'],
        rows: report.measures.map((m) => [
          m.title,
          unitWords[m.unit],
          m.actual,
          m.actualPeriod,
          m.target,
          measureStandingWords[m.standing],
          m.direction ? directionWords[m.direction] : null,
          m.lastYear,
        ]),
      },
    ],
  }
}

function risks(report: QuarterlyReport): ReportSection {
  return {
    heading: 'Risk register',
    tables: [
      {
        columns: [
          'Risk',
          'Owner',
          'Inherent',
          'Residual',
          'Score',
          'Band',
          'Movement',
          'Previous score',
          'Review date',
        ],
        rows: report.risks.map((r) => [
          r.title,
          r.owner,
          rating(r.inherent),
          rating(r.residual),
          r.score,
          riskBandWords[r.band],
          movementWords(r),
          r.previousScore,
          day(r.reviewDate),
        ]),
      },
    ],
  }
}

function surveys(report: QuarterlyReport): ReportSection {
  return {
    heading: 'Staff survey results',
    tables: [
      {
        columns: ['Measure', 'Survey', 'Actual', 'Target', 'RAG'],
        rows: report.surveys.map((s) => [s.title, s.survey, s.actual, s.target, measureStandingWords[s.standing]]),
      },
    ],
  }
}

function evidence(report: QuarterlyReport): ReportSection {
  return {
    heading: 'Evidence gathered',
    tables: [
      {
        title: `${report.evidence.count} pieces of evidence added in the quarter`,
        columns: ['Project', 'Evidence', 'Milestone', 'By', 'Date'],
        rows: report.evidence.actions.flatMap(({ action, items }) =>
          items.map((item) => [
            reportActionName(action),
            item.note,
            item.milestoneTitle,
            item.author,
            day(item.madeAt),
          ]),
        ),
      },
    ],
  }
}
