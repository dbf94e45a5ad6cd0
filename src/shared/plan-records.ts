import { z } from 'zod'
import { archivedAt, base, id, isoDate, number, position, text, timestamp } from './record-fields'
import { finiteNumber, int4 } from './pg-values'

/**
 * The parts of a plan beyond themes and actions, as a device holds them: the outcomes
 * at the top of the golden thread, the recommendations a plan answers, its narrative
 * sections, and the shapes they share with actions (leads, where a record came from).
 */

/** A role ("Head of Safeguarding"), optionally a named person. */
export const leadSchema = z.object({ role: text, person: text.optional() })
export type Lead = z.infer<typeof leadSchema>

/** Where in the source document a record came from, and a note where the source is unclear. */
export const provenance = { source: text.nullable(), sourceNote: text.nullable() }

/**
 * The record of the plan's earlier version this one was carried over from by the annual
 * refresh (src/server/plans/lifecycle/refresh.ts): how "What changed" pairs two versions' records.
 * Absent on records kept before it.
 */
export const carriedFrom = { carriedFromId: id.nullable().optional() }

export const documentBoardRoles = ['owns', 'approves', 'scrutinises', 'monitors', 'challenges'] as const
export const documentControlSchema = z.object({
  author: text.optional(),
  owner: text.optional(),
  date: isoDate.optional(),
  versions: z.array(
    z.object({
      version: text,
      date: isoDate.optional(),
      dateText: text.optional(),
      approvedBy: text.optional(),
      /** The plan admin who recorded the approval in the app (plan.lifecycle). */
      approverPersonId: id.optional(),
      note: text.optional(),
    }),
  ),
  reviewDate: isoDate.optional(),
  reviewText: text.optional(),
  notes: z.array(z.object({ label: text, text })),
  boards: z.array(z.object({ name: text, role: z.enum(documentBoardRoles) })),
})
export type DocumentControl = z.infer<typeof documentControlSchema>

/** An outcome plans and themes serve: a partnership's or a council's corporate outcome. Organisation-wide. */
export const outcomeSchema = z.object({
  ...base,
  code: text.nullable(),
  title: text,
  description: text.nullable(),
  owner: text.nullable(),
  ...provenance,
  archivedAt,
  position,
})

export const recommendationSourceKinds = ['ofsted-inspection', 'safeguarding-board', 'peer-review', 'other'] as const
/** A recommendation from outside (an inspection, a board's review) that a plan answers; themes and actions name it. */
export const recommendationSchema = z.object({
  ...base,
  planId: id,
  sourceKind: z.enum(recommendationSourceKinds),
  sourceTitle: text,
  sourceDate: isoDate.nullable(),
  number: text,
  text: text.nullable(),
  owner: text.nullable(),
  ...provenance,
  ...carriedFrom,
  archivedAt,
  position,
})

export const sectionKinds = [
  'headline-figures',
  'financial-principles',
  'budget',
  'workforce',
  'principles',
  'promises',
  'values-framework',
  'governance',
  'narrative',
] as const
export const sectionTableSchema = z.object({
  caption: text.optional(),
  columns: z.array(text),
  rows: z.array(z.array(z.string().max(100_000))),
  notes: z.array(text),
})
/** A typed part of the document that is not a theme or action: headline figures, budget tables, the values framework. */
export const sectionSchema = z.object({
  ...base,
  planId: id,
  kind: z.enum(sectionKinds),
  title: text,
  paragraphs: z.array(text),
  items: z.array(z.object({ title: text.optional(), text, points: z.array(text) })),
  table: sectionTableSchema.nullable(),
  ...provenance,
  ...carriedFrom,
  position,
})

export const measureUnits = ['percent', 'count', 'pounds', 'days', 'score', 'rate', 'text'] as const
export const measureDirections = ['higher-is-better', 'lower-is-better'] as const
/** A figure with a value, a text as written ("below 15%"), or both, and the date or period it is for. */
const measurePoint = { value: number.optional(), text: text.optional() }
/**
 * A figure recorded for a period, oldest first: from the plan's document, a closed survey,
 * or the measure's owner in the app (who and when, then, and where the figure came from).
 */
export const actualFigureSchema = z.object({
  period: text,
  value: number,
  note: text.optional(),
  source: text.optional(),
  recordedBy: id.optional(),
  recordedAt: timestamp.optional(),
})
export type MeasureActual = z.infer<typeof actualFigureSchema>

export const measureSchema = z.object({
  ...base,
  planId: id,
  title: text,
  unit: z.enum(measureUnits),
  comparison: text.nullable(),
  direction: z.enum(measureDirections).nullable(),
  baseline: z.object({ ...measurePoint, date: isoDate.optional(), period: text.optional() }).nullable(),
  targets: z.array(z.object({ ...measurePoint, by: isoDate.optional(), period: text.optional() })),
  actuals: z.array(actualFigureSchema),
  benchmarks: z.array(z.object({ label: text, ...measurePoint })),
  /** Who records its figures, besides plan admins. */
  ownerPersonId: id.nullable(),
  /** How far short of its target, in per cent of the target, a figure is amber rather than red. */
  tolerancePercent: finiteNumber().min(0).max(100),
  ...provenance,
  ...carriedFrom,
  archivedAt,
  themeIds: z.array(id),
  actionIds: z.array(id),
})

const oneToFive = int4().min(1, 'Rate it from 1 to 5.').max(5, 'Rate it from 1 to 5.')

/** A risk's rating at one time: before its mitigations (inherent) and, where rated, after them (residual). */
export const riskAssessmentSchema = z.object({
  /** The reporting quarter it was rated in (src/shared/sync/quarter.ts). */
  quarter: text,
  likelihood: oneToFive,
  impact: oneToFive,
  residualLikelihood: oneToFive.nullable(),
  residualImpact: oneToFive.nullable(),
  note: text.optional(),
  assessedBy: id,
  assessedAt: timestamp,
})
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>

/**
 * Likelihood and impact are on a 1 to 5 scale, and absent where a document gives none:
 * inherent (before mitigation) and residual (after). Each rating made in the app is kept,
 * one per quarter, so the register shows how a risk moved.
 */
export const riskSchema = z.object({
  ...base,
  planId: id,
  title: text.nullable(),
  description: text,
  mitigations: z.array(text),
  owner: text.nullable(),
  /** The person who rates it, besides plan admins. */
  ownerPersonId: id.nullable(),
  likelihood: oneToFive.nullable(),
  impact: oneToFive.nullable(),
  residualLikelihood: oneToFive.nullable(),
  residualImpact: oneToFive.nullable(),
  reviewDate: isoDate.nullable(),
  assessments: z.array(riskAssessmentSchema),
  themeIds: z.array(id),
  actionIds: z.array(id),
  ...provenance,
  ...carriedFrom,
  archivedAt,
  position,
})
