import { z } from 'zod'
import { anyYear, pgDate, pgText } from '../pg-values'
import { areaKinds, planKinds, planStatuses } from '../entities'
import {
  documentBoardRoles,
  measureDirections,
  measureUnits,
  recommendationSourceKinds,
  sectionKinds,
} from '../plan-records'

/**
 * The plan-document format, version 2: one plan, imported into an
 * existing organisation. Keys link records inside the organisation's documents
 * (a plan may refer to another plan's key, to say it succeeds or serves it).
 * Nothing is invented: a field the document does not give is left out.
 * Every record may carry `source` (where in the document it comes from, e.g.
 * "Appendix 1, Theme 2, p. 12") and `sourceNote` (where the source is unclear or
 * garbled, what was read and why).
 */
const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'keys are lower-case words joined by hyphens')
const isoDate = pgDate(anyYear)
// What PostgreSQL can store (no NUL, no half an emoji), and never empty: a field a document lacks is left out.
const text = pgText(100_000, { trim: true }).min(
  1,
  'Leave out a field the document does not give, rather than writing it empty.',
)
const provenance = { source: text.optional(), sourceNote: text.optional() }

/** A date as the document writes it ("March 2018 and ongoing"), with a date only where one can be read. */
const deadline = z.strictObject({ text, date: isoDate.optional() })
/** A role ("Head of Safeguarding"), optionally a named person. */
const lead = z.strictObject({ role: text, person: text.optional() })

export const areaDoc = z.strictObject({ key, name: text, kind: z.enum(areaKinds) })

export const outcomeDoc = z.strictObject({
  key,
  code: text.optional(),
  title: text,
  description: text.optional(),
  /** Whose outcome it is: "Kirklees partnership", "the council's corporate plan". */
  owner: text.optional(),
  ...provenance,
})

export const recommendationDoc = z.strictObject({
  key,
  sourceKind: z.enum(recommendationSourceKinds),
  /** "Ofsted inspection of services for children in need of help and protection, 2016". */
  sourceTitle: text,
  sourceDate: isoDate.optional(),
  number: text,
  text: text.optional(),
  owner: text.optional(),
  ...provenance,
})

export const themeDoc = z.strictObject({
  key,
  code: text.optional(),
  title: text,
  outcome: text.optional(),
  rationale: text.optional(),
  owners: z.array(lead).default([]),
  focus: z.array(text).default([]),
  whatStaffSaid: z.array(text).default([]),
  outcomes: z.array(key).default([]),
  recommendations: z.array(key).default([]),
  ...provenance,
})

export const actionDoc = z.strictObject({
  key,
  theme: key,
  code: text.optional(),
  title: text.optional(),
  description: text,
  leads: z.array(lead).default([]),
  areas: z.array(key).default([]),
  baseline: z.strictObject({ text, asAt: text.optional() }).optional(),
  impact: text.optional(),
  risk: text.optional(),
  monitoring: text.optional(),
  activities: z.array(z.strictObject({ period: text, text })).default([]),
  successMeasure: text.optional(),
  successMeasureBy: isoDate.optional(),
  yearMilestone: text.optional(),
  yearMilestoneBy: isoDate.optional(),
  deadline: deadline.optional(),
  recommendations: z.array(key).default([]),
  outcomes: z.array(key).default([]),
  externalRefs: z.array(text).default([]),
  ...provenance,
})

export const milestoneDoc = z.strictObject({
  key,
  action: key,
  title: text,
  leads: z.array(lead).default([]),
  deadline: deadline.optional(),
  monitoring: text.optional(),
  ...provenance,
})

export const riskDoc = z.strictObject({
  key,
  title: text.optional(),
  description: text,
  mitigations: z.array(text).default([]),
  owner: text.optional(),
  likelihood: z.number().int().min(1).max(5).optional(),
  impact: z.number().int().min(1).max(5).optional(),
  themes: z.array(key).default([]),
  actions: z.array(key).default([]),
  ...provenance,
})

export const measureDoc = z.strictObject({
  key,
  title: text,
  unit: z.enum(measureUnits),
  /** As the document says it: "below 15%", "more than 75%". */
  comparison: text.optional(),
  direction: z.enum(measureDirections).optional(),
  baseline: z
    .strictObject({
      value: z.number().optional(),
      text: text.optional(),
      date: isoDate.optional(),
      period: text.optional(),
    })
    .optional(),
  targets: z
    .array(
      z.strictObject({
        value: z.number().optional(),
        text: text.optional(),
        by: isoDate.optional(),
        period: text.optional(),
      }),
    )
    .default([]),
  actuals: z.array(z.strictObject({ period: text, value: z.number(), note: text.optional() })).default([]),
  /** Comparators: "Royal Greenwich council overall: 72". */
  benchmarks: z.array(z.strictObject({ label: text, value: z.number().optional(), text: text.optional() })).default([]),
  source: text.optional(),
  themes: z.array(key).default([]),
  actions: z.array(key).default([]),
  sourceNote: text.optional(),
})

export const sectionDoc = z.strictObject({
  key,
  kind: z.enum(sectionKinds),
  title: text,
  paragraphs: z.array(text).default([]),
  items: z.array(z.strictObject({ title: text.optional(), text, points: z.array(text).default([]) })).default([]),
  table: z
    .strictObject({
      caption: text.optional(),
      columns: z.array(text).min(1),
      rows: z.array(z.array(pgText(100_000))),
      notes: z.array(text).default([]),
    })
    .optional(),
  ...provenance,
})

export const planDocumentSchema = z.strictObject({
  format: z.literal('golden-thread/plan@2'),
  /** Organisation-wide content this document sets out (AfC's values are in its plan). Merged into the organisation. */
  organisation: z
    .strictObject({
      vision: text.optional(),
      values: z.array(z.strictObject({ name: text, meaning: text, behaviours: z.array(text).default([]) })).optional(),
      howWeWork: z.array(z.strictObject({ title: text, description: text })).optional(),
    })
    .optional(),
  areas: z.array(areaDoc).default([]),
  outcomes: z.array(outcomeDoc).default([]),
  plan: z.strictObject({
    key,
    title: text,
    subtitle: text.optional(),
    kind: z.enum(planKinds),
    /** The years it covers, where the document says; `periodText` as written ("2017-18"). */
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    periodText: text.optional(),
    status: z.enum(planStatuses),
    versionLabel: text,
    vision: text.optional(),
    documentControl: z
      .strictObject({
        author: text.optional(),
        owner: text.optional(),
        date: isoDate.optional(),
        versions: z
          .array(
            z.strictObject({
              version: text,
              date: isoDate.optional(),
              dateText: text.optional(),
              approvedBy: text.optional(),
              note: text.optional(),
            }),
          )
          .default([]),
        reviewDate: isoDate.optional(),
        reviewText: text.optional(),
        /** Other document-control lines as written (accessibility, circulation, destruction date). */
        notes: z.array(z.strictObject({ label: text, text })).default([]),
        boards: z.array(z.strictObject({ name: text, role: z.enum(documentBoardRoles) })).default([]),
      })
      .default({ versions: [], boards: [], notes: [] }),
    succeeds: key.optional(),
    serves: z
      .strictObject({ plans: z.array(key).default([]), outcomes: z.array(key).default([]) })
      .default({ plans: [], outcomes: [] }),
    source: text,
    sourceNote: text.optional(),
  }),
  recommendations: z.array(recommendationDoc).default([]),
  themes: z.array(themeDoc).min(1),
  actions: z.array(actionDoc).default([]),
  milestones: z.array(milestoneDoc).default([]),
  risks: z.array(riskDoc).default([]),
  measures: z.array(measureDoc).default([]),
  sections: z.array(sectionDoc).default([]),
})

export type PlanDocument = z.infer<typeof planDocumentSchema>
