import { z } from 'zod'
import { entitySchemas, type Entity } from '../entities'

/**
 * The plan's records a plan admin edits in the app, and what an edit of each may touch.
 * One generic edit per record (`record.create`, `record.edit`, `record.archive`, in
 * src/shared/changes/kinds/) is validated by that record's own schema, so a field added
 * to a schema is editable, and checked, without a new kind of change (see
 * ARCHITECTURE.md, "Editing the plan").
 */
export const editableTypes = [
  'plan',
  'theme',
  'action',
  'milestone',
  'measure',
  'risk',
  'recommendation',
  'outcome',
] as const
export type EditableType = (typeof editableTypes)[number]
export const editableTypeSchema = z.enum(editableTypes)
export type EditableRecord<T extends EditableType = EditableType> = Entity<T>

/** Types that archiving takes out of the plan's lists; a plan is archived by its lifecycle instead. */
export const archivableTypes = editableTypes.filter((type) => type !== 'plan') as Exclude<EditableType, 'plan'>[]
export type ArchivableType = (typeof archivableTypes)[number]

/**
 * Fields no edit sets: the record's identity and bookkeeping, where it came from, its
 * status (set by `status.set` and updates, under the status rule) and the plan's
 * lifecycle, a measure's figures and a risk's ratings (each recorded by its own change, with
 * who and when, as delivery data rather than plan text).
 */
const notEdited = [
  'id',
  'version',
  'source',
  'sourceNote',
  'archivedAt',
  'status',
  'statusSetAt',
  'statusSetBy',
  'statusMutationId',
  // Given by its own change (signoff.give), with who gave it in the history.
  'signedOffBy',
  'signedOffAt',
  // Set once, by the annual refresh: what pairs two versions of a plan.
  'carriedFromId',
] as const

/** A measure's figures and a risk's ratings (an action's `impact` is its plan's words, and is edited). */
const recordedByOwnChange: Partial<Record<EditableType, readonly string[]>> = {
  measure: ['actuals'],
  risk: ['likelihood', 'impact', 'residualLikelihood', 'residualImpact', 'assessments'],
}

/** Fields fixed when a record is made: what it belongs to. */
export const parentFields: Record<EditableType, readonly string[]> = {
  plan: [],
  theme: ['planId'],
  action: ['planId'],
  milestone: ['actionId'],
  measure: ['planId'],
  risk: ['planId'],
  recommendation: ['planId'],
  outcome: [],
}

const without = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, true as const]))

type Shape = Record<string, z.ZodType>
const shapeOf = (type: EditableType): Shape => entitySchemas[type].shape as Shape

/** The fields an edit of a record of this type may set, each checked by the record's schema. */
export function editedFieldsSchema(type: EditableType) {
  const shape = shapeOf(type)
  const omitted = [...notEdited, ...(recordedByOwnChange[type] ?? []), ...parentFields[type]].filter(
    (key) => key in shape,
  )
  // One schema of the union at a time, so the type says only that it is an object of fields.
  const schema = entitySchemas[type] as unknown as z.ZodObject<Shape>
  return schema
    .omit(without(omitted) as never)
    .partial()
    .strict()
}

/** The names of the fields an edit of this type may set, in the schema's order. */
export function editedFieldNames(type: EditableType): string[] {
  return Object.keys(editedFieldsSchema(type).shape)
}

/**
 * A new record's fields before the admin's: every field that may be empty is empty
 * (null, or an empty list), and it starts not started. What is left, the admin must give.
 */
export function blankRecord(type: EditableType): Record<string, unknown> {
  const blank: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(shapeOf(type))) {
    if (field.safeParse(null).success) blank[key] = null
    else if (field.safeParse([]).success) blank[key] = []
  }
  // A plan made in the app has no source document to point to.
  if (type === 'plan') blank.source = 'Made in the app'
  if ('status' in shapeOf(type)) blank.status = type === 'plan' ? 'draft' : 'not-started'
  if (type === 'plan') blank.documentControl = { versions: [], notes: [], boards: [] }
  return blank
}

/** What a reference field names, and whether it must be in the same plan as the record. */
export interface FieldReference {
  field: string
  to: EditableType | 'area' | 'team' | 'person'
  samePlan?: true
}

/** Every field of an editable record that names another record: each is checked to exist, in the organisation. */
export const referencesOf: Record<EditableType, readonly FieldReference[]> = {
  plan: [
    { field: 'succeedsPlanId', to: 'plan' },
    { field: 'servesPlanIds', to: 'plan' },
    { field: 'servesOutcomeIds', to: 'outcome' },
  ],
  theme: [
    { field: 'planId', to: 'plan' },
    { field: 'outcomeIds', to: 'outcome' },
    { field: 'recommendationIds', to: 'recommendation', samePlan: true },
  ],
  action: [
    { field: 'planId', to: 'plan' },
    { field: 'themeId', to: 'theme', samePlan: true },
    { field: 'areaIds', to: 'area' },
    { field: 'leadTeamId', to: 'team' },
    { field: 'leadPersonId', to: 'person' },
    { field: 'outcomeIds', to: 'outcome' },
    { field: 'recommendationIds', to: 'recommendation', samePlan: true },
  ],
  milestone: [
    { field: 'actionId', to: 'action' },
    { field: 'ownerPersonId', to: 'person' },
  ],
  measure: [
    { field: 'planId', to: 'plan' },
    { field: 'ownerPersonId', to: 'person' },
    { field: 'themeIds', to: 'theme', samePlan: true },
    { field: 'actionIds', to: 'action', samePlan: true },
  ],
  risk: [
    { field: 'planId', to: 'plan' },
    { field: 'ownerPersonId', to: 'person' },
    { field: 'themeIds', to: 'theme', samePlan: true },
    { field: 'actionIds', to: 'action', samePlan: true },
  ],
  recommendation: [{ field: 'planId', to: 'plan' }],
  outcome: [],
}

/** The ids a field holds: one, none (null) or a list. */
export const idsIn = (value: unknown): string[] =>
  Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []

/** A plan that has been superseded or archived is kept as it was: read-only, with its history and evidence. */
export const readOnlyPlanStatuses: ReadonlySet<string> = new Set(['superseded', 'archived'])

/** How a record type is named to a person: an action is a project, as the app's screens call it. */
export const typeWords: Record<EditableType, string> = {
  plan: 'plan',
  theme: 'theme',
  action: 'project',
  milestone: 'milestone',
  measure: 'measure',
  risk: 'risk',
  recommendation: 'recommendation',
  outcome: 'outcome',
}
