import { z } from 'zod'
import { int8 } from './pg-values'
import { base, id, text, timestamp } from './record-fields'

/** The records field delivery adds to a plan: assignments, progress, evidence and its files, and the audit trail. */
export const assignmentSchema = z.object({
  ...base,
  actionId: id.nullable(),
  milestoneId: id.nullable(),
  personId: id.nullable(),
  teamId: id.nullable(),
  assignedBy: id,
  assignedAt: timestamp,
})

export const ragStatuses = ['green', 'amber', 'red'] as const
export const ragSchema = z.enum(ragStatuses)
export type Rag = z.infer<typeof ragSchema>

/** Appended, never edited: an action's RAG status and commentary for a quarter. */
export const progressUpdateSchema = z.object({
  ...base,
  actionId: id,
  period: text,
  rag: ragSchema,
  commentary: text,
  authorId: id,
  madeAt: timestamp,
  receivedAt: timestamp,
})

export const evidenceSchema = z.object({
  ...base,
  actionId: id,
  milestoneId: id.nullable(),
  note: text,
  authorId: id,
  madeAt: timestamp,
  receivedAt: timestamp,
})

/** A photo or file of a piece of evidence; its bytes are fetched on demand. */
export const attachmentSchema = z.object({
  ...base,
  evidenceId: id,
  name: text,
  mediaType: text,
  size: int8().nonnegative(),
})

export const historyOutcomes = ['applied', 'superseded'] as const
/** What kind of device a change was sent from, judged from its browser; history says "from Jordan’s tablet". */
export const deviceKinds = ['phone', 'tablet', 'computer'] as const
export type DeviceKind = (typeof deviceKinds)[number]
/** The audit trail: one entry for every change the server accepted, winning or not. */
export const historySchema = z.object({
  ...base,
  actionId: id.nullable(),
  entityType: text,
  entityId: id,
  change: text,
  details: z.record(z.string(), z.unknown()),
  personId: id,
  deviceId: text,
  // Null when the browser did not say, and on entries written before it was kept.
  deviceKind: z.enum(deviceKinds).nullable().optional(),
  mutationId: id,
  madeAt: timestamp,
  receivedAt: timestamp,
  outcome: z.enum(historyOutcomes),
})
