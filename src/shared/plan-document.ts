import { z } from 'zod'

/**
 * A whole plan as one document: the form plans are imported in, and the form the
 * demo data is kept in. Keys (`key`) only link things inside one document; the
 * importer gives every record its own id.
 */
const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'keys are lower-case words joined by hyphens')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
const text = z.string().trim().min(1)

export const valueDocSchema = z.object({
  name: text,
  meaning: text,
  behaviours: z.array(text).default([]),
})

export const howWeWorkDocSchema = z.object({ title: text, description: text })

export const areaDocSchema = z.object({
  key,
  name: text,
  kind: z.enum(['organisation', 'borough', 'division', 'locality']),
})

export const themeDocSchema = z.object({
  key,
  title: text,
  outcome: text,
  rationale: text,
  ownerRole: text.optional(),
})

export const actionDocSchema = z.object({
  key,
  theme: key,
  areas: z.array(key).min(1),
  code: z.string().trim().min(1).max(12).optional(),
  description: text,
  leadRole: text,
  successMeasure: text.optional(),
  successMeasureBy: isoDate.optional(),
  yearMilestone: text.optional(),
  yearMilestoneBy: isoDate.optional(),
  baseline: text.optional(),
  impact: text.optional(),
  risks: text.optional(),
  monitoring: text.optional(),
  externalRefs: z.array(text).default([]),
  dueDate: isoDate.optional(),
})

export const measureDocSchema = z.object({
  key,
  title: text,
  unit: z.enum(['percent', 'count', 'pounds', 'days', 'score', 'rate']),
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  baseline: z.object({ value: z.number(), date: isoDate.optional(), note: text.optional() }).optional(),
  targets: z.array(z.object({ value: z.number(), by: isoDate, note: text.optional() })).default([]),
  source: text,
  themes: z.array(key).default([]),
  actions: z.array(key).default([]),
})

export const planDocumentSchema = z.object({
  organisation: z.object({
    name: text,
    shortName: text,
    vision: text,
    values: z.array(valueDocSchema).min(1),
    howWeWork: z.array(howWeWorkDocSchema).default([]),
  }),
  areas: z.array(areaDocSchema).min(1),
  plan: z.object({
    title: text,
    subtitle: text.optional(),
    kind: z.enum(['business-plan', 'improvement-plan', 'service-plan']),
    periodStart: isoDate,
    periodEnd: isoDate,
    versionLabel: text,
    status: z.enum(['draft', 'approved', 'archived']),
    reviewDate: isoDate.optional(),
    source: text,
  }),
  themes: z.array(themeDocSchema).min(1),
  actions: z.array(actionDocSchema),
  measures: z.array(measureDocSchema).default([]),
})

export type PlanDocument = z.infer<typeof planDocumentSchema>
