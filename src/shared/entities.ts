import { z } from 'zod'
import { surveySchema } from './surveys'
import { reminderSchema } from './reminders'
import { reportLockSchema } from './monitoring/report-locks'
import { archivedAt, base, id, isoDate, position, text, timestamp } from './record-fields'
import {
  assignmentSchema,
  attachmentSchema,
  evidenceSchema,
  historySchema,
  progressUpdateSchema,
} from './delivery-records'
import {
  carriedFrom,
  documentControlSchema,
  leadSchema,
  measureSchema,
  outcomeSchema,
  provenance,
  recommendationSchema,
  riskSchema,
  sectionSchema,
} from './plan-records'
import { workStatuses } from './work-statuses'

export * from './delivery-records'
export * from './plan-records'

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

export const planKinds = ['business-plan', 'improvement-plan', 'framework', 'service-plan'] as const
export const planStatuses = ['draft', 'approved', 'superseded', 'archived'] as const
export const planSchema = z.object({
  ...base,
  title: text,
  subtitle: text.nullable(),
  kind: z.enum(planKinds),
  /** The years it covers where the document says; `periodText` as it writes them ("2017-18"). */
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  periodText: text.nullable(),
  versionLabel: text,
  status: z.enum(planStatuses),
  vision: text.nullable(),
  documentControl: documentControlSchema,
  succeedsPlanId: id.nullable(),
  servesPlanIds: z.array(id),
  servesOutcomeIds: z.array(id),
  source: text,
  sourceNote: text.nullable(),
  /** Completing an action or milestone needs its lead's or a plan admin's sign-off (src/shared/sign-off.ts); absent is false. */
  signOffRequired: z.boolean().optional(),
  ...carriedFrom,
})

/** Outcome and rationale only where the document gives them. */
export const themeSchema = z.object({
  ...base,
  planId: id,
  code: text.nullable(),
  title: text,
  outcome: text.nullable(),
  rationale: text.nullable(),
  owners: z.array(leadSchema),
  focus: z.array(text),
  whatStaffSaid: z.array(text),
  outcomeIds: z.array(id),
  recommendationIds: z.array(id),
  ...provenance,
  ...carriedFrom,
  archivedAt,
  position,
})

export { workStatuses }
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

/** Who signed complete work off, and when; cleared when its status moves away from complete. Absent on records kept before it. */
const signOff = {
  signedOffBy: id.nullable().optional(),
  signedOffAt: timestamp.nullable().optional(),
}

/**
 * An action (a project, a priority). A deadline a document writes as text ("March 2018
 * and ongoing") is kept in `deadlineText`, with `dueDate` only where a date can be read.
 * No areas means the whole organisation.
 */
export const actionSchema = z.object({
  ...base,
  planId: id,
  themeId: id,
  code: text.nullable(),
  title: text.nullable(),
  areaIds: z.array(id),
  leadTeamId: id.nullable(),
  description: text,
  leads: z.array(leadSchema),
  leadPersonId: id.nullable(),
  successMeasure: text.nullable(),
  successMeasureBy: isoDate.nullable(),
  yearMilestone: text.nullable(),
  yearMilestoneBy: isoDate.nullable(),
  baseline: text.nullable(),
  /** The date or period "where we are now" describes, as written. */
  baselineAsAt: text.nullable(),
  impact: text.nullable(),
  risks: text.nullable(),
  monitoring: text.nullable(),
  activities: z.array(z.object({ period: text, text })),
  externalRefs: z.array(text),
  recommendationIds: z.array(id),
  outcomeIds: z.array(id),
  deadlineText: text.nullable(),
  dueDate: isoDate.nullable(),
  status: workStatusSchema,
  ...statusBookkeeping,
  ...signOff,
  ...provenance,
  ...carriedFrom,
  archivedAt,
  position,
})

export const milestoneSchema = z.object({
  ...base,
  actionId: id,
  title: text,
  leads: z.array(leadSchema),
  deadlineText: text.nullable(),
  dueDate: isoDate.nullable(),
  monitoring: text.nullable(),
  ownerPersonId: id.nullable(),
  status: workStatusSchema,
  ...statusBookkeeping,
  ...signOff,
  ...provenance,
  ...carriedFrom,
  archivedAt,
  position,
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
  outcome: outcomeSchema,
  recommendation: recommendationSchema,
  section: sectionSchema,
  assignment: assignmentSchema,
  progressUpdate: progressUpdateSchema,
  evidence: evidenceSchema,
  attachment: attachmentSchema,
  history: historySchema,
  survey: surveySchema,
  reminder: reminderSchema,
  reportLock: reportLockSchema,
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
export type Outcome = Entity<'outcome'>
export type Recommendation = Entity<'recommendation'>
export type Section = Entity<'section'>
export type Assignment = Entity<'assignment'>
export type ProgressUpdate = Entity<'progressUpdate'>
export type Evidence = Entity<'evidence'>
export type Attachment = Entity<'attachment'>
export type HistoryEntry = Entity<'history'>
export type { Survey } from './surveys'
