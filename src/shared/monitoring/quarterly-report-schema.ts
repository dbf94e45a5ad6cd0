import { z } from 'zod'
import { measureUnits, workStatuses } from '../entities'
import { ragStatuses } from '../delivery-records'
import { finiteNumber } from '../pg-values'
import { id, isoDate, text, timestamp } from '../record-fields'
import { quarterSchema } from './report-locks'
import { actionRagKeys, measureStandingKeys, riskBandKeys } from './count-keys'

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
