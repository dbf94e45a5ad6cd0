import { z } from 'zod'
import { surveySchema } from './surveys'
import { int4 } from './pg-values'
import { base, id, isoDate, number, position, text, timestamp } from './record-fields'
import { assignmentSchema, attachmentSchema, evidenceSchema, historySchema, progressUpdateSchema } from './delivery-records'

export * from './delivery-records'

/**
 * The records a device holds. The server stores each in its own table and sends
 * them in pulls; every record carries `version`, the organisation-wide change number
 * of its last write, which is what a pull's checkpoint counts in.
 */
export const roles = ['practitioner', 'manager', 'admin', 'viewer'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export const organisationSchema = z.object({
  ...base,
  name: text,
  shortName: text,
  vision: text,
  howWeWork: z.array(z.object({ title: text, description: text })),
})

export const valueSchema = z.object({
  ...base,
  name: text,
  meaning: text,
  behaviours: z.array(text),
  position,
})

export const areaKinds = ['organisation', 'borough', 'division', 'locality'] as const
export const areaSchema = z.object({
  ...base,
  name: text,
  kind: z.enum(areaKinds),
  position,
})

export const teamSchema = z.object({
  ...base,
  areaId: id,
  name: text,
  service: text,
})

export const personSchema = z.object({
  ...base,
  name: text,
  jobTitle: text,
  role: roleSchema,
  teamIds: z.array(id),
  managesTeamIds: z.array(id),
})

export const planKinds = ['business-plan', 'improvement-plan', 'service-plan'] as const
export const planStatuses = ['draft', 'approved', 'archived'] as const
export const planSchema = z.object({
  ...base,
  title: text,
  subtitle: text.nullable(),
  kind: z.enum(planKinds),
  periodStart: isoDate,
  periodEnd: isoDate,
  versionLabel: text,
  status: z.enum(planStatuses),
  reviewDate: isoDate.nullable(),
  approvals: z.array(z.object({ by: text, on: isoDate, note: text.optional() })),
  parentPlanId: id.nullable(),
  source: text,
})

export const themeSchema = z.object({
  ...base,
  planId: id,
  title: text,
  outcome: text,
  rationale: text,
  ownerRole: text.nullable(),
  position,
})

export const workStatuses = ['not-started', 'on-track', 'at-risk', 'off-track', 'complete'] as const
export const workStatusSchema = z.enum(workStatuses)
export type WorkStatus = z.infer<typeof workStatusSchema>

/**
 * Who set the current status, and when they made that change on their device: the
 * conflict rule (src/shared/sync/status-rule.ts) compares these.
 */
const statusBookkeeping = {
  statusSetAt: timestamp.nullable(),
  statusSetBy: id.nullable(),
  statusMutationId: id.nullable(),
}

export const actionSchema = z.object({
  ...base,
  planId: id,
  themeId: id,
  code: text,
  areaIds: z.array(id).min(1),
  leadTeamId: id.nullable(),
  description: text,
  leadRole: text,
  leadPersonId: id.nullable(),
  successMeasure: text.nullable(),
  successMeasureBy: isoDate.nullable(),
  yearMilestone: text.nullable(),
  yearMilestoneBy: isoDate.nullable(),
  baseline: text.nullable(),
  impact: text.nullable(),
  risks: text.nullable(),
  monitoring: text.nullable(),
  externalRefs: z.array(text),
  dueDate: isoDate.nullable(),
  status: workStatusSchema,
  ...statusBookkeeping,
  position,
})

export const milestoneSchema = z.object({
  ...base,
  actionId: id,
  title: text,
  dueDate: isoDate.nullable(),
  ownerPersonId: id.nullable(),
  status: workStatusSchema,
  ...statusBookkeeping,
  position,
})

export const measureUnits = ['percent', 'count', 'pounds', 'days', 'score', 'rate'] as const
export const measureSchema = z.object({
  ...base,
  planId: id,
  title: text,
  unit: z.enum(measureUnits),
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  baseline: z.object({ value: number, date: isoDate.optional(), note: text.optional() }).nullable(),
  targets: z.array(z.object({ value: number, by: isoDate, note: text.optional() })),
  actuals: z.array(z.object({ period: text, value: number, note: text.optional() })),
  source: text,
  themeIds: z.array(id),
  actionIds: z.array(id),
})

export const riskSchema = z.object({
  ...base,
  planId: id,
  description: text,
  likelihood: int4().min(1).max(5),
  impact: int4().min(1).max(5),
  mitigation: text,
  ownerRole: text.nullable(),
  actionIds: z.array(id),
})

/** Every record type a pull can carry, by the name used on the wire. */
export const entitySchemas = {
  organisation: organisationSchema,
  value: valueSchema,
  area: areaSchema,
  team: teamSchema,
  person: personSchema,
  plan: planSchema,
  theme: themeSchema,
  action: actionSchema,
  milestone: milestoneSchema,
  measure: measureSchema,
  risk: riskSchema,
  assignment: assignmentSchema,
  progressUpdate: progressUpdateSchema,
  evidence: evidenceSchema,
  attachment: attachmentSchema,
  history: historySchema,
  survey: surveySchema,
} as const

export type EntityType = keyof typeof entitySchemas
export const entityTypes = Object.keys(entitySchemas) as EntityType[]
export type Entity<T extends EntityType> = z.infer<(typeof entitySchemas)[T]>

export type Organisation = Entity<'organisation'>
export type Value = Entity<'value'>
export type Area = Entity<'area'>
export type Team = Entity<'team'>
export type Person = Entity<'person'>
export type Plan = Entity<'plan'>
export type Theme = Entity<'theme'>
export type Action = Entity<'action'>
export type Milestone = Entity<'milestone'>
export type Measure = Entity<'measure'>
export type Risk = Entity<'risk'>
export type Assignment = Entity<'assignment'>
export type ProgressUpdate = Entity<'progressUpdate'>
export type Evidence = Entity<'evidence'>
export type Attachment = Entity<'attachment'>
export type HistoryEntry = Entity<'history'>
export type { Survey } from './surveys'
