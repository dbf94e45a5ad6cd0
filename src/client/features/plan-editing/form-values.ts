import { entitySchemas } from '../../../shared/entities'
import type { EditableType } from '../../../shared/plans/editable-records'
import type { Problem } from '../../ui/form-problems'
import { formFields, type FormField } from './form-fields'

/** A target row as typed: both parts are text until the form is sent. */
export interface TargetRow {
  value: string
  by: string
}
/** What a control holds while the person types. */
export type FormValue = string | boolean | string[] | TargetRow[]
export type FormValues = Record<string, FormValue>

type Lead = { role: string; person?: string }
type Target = { value?: number; text?: string; by?: string; period?: string }

const nullable = (type: EditableType, name: string) =>
  (entitySchemas[type].shape as Record<string, { safeParse(value: unknown): { success: boolean } }>)[name]!.safeParse(
    null,
  ).success

/** The id of a field's control, which the error summary links to. */
export const controlIdOf = (name: string) => `field-${name}`

/** A record's fields as the form's controls hold them. */
export function toFormValues(type: EditableType, record: Record<string, unknown>): FormValues {
  const values: FormValues = {}
  for (const { name, input } of formFields[type]) {
    const value = record[name]
    switch (input.kind) {
      case 'yes-no':
        values[name] = value === true
        break
      case 'some':
        values[name] = [...((value as string[] | undefined) ?? [])]
        break
      case 'lines':
        values[name] = ((value as string[] | undefined) ?? []).join('\n')
        break
      case 'leads':
        values[name] = ((value as Lead[] | undefined) ?? [])
          .map((lead) => (lead.person ? `${lead.role}: ${lead.person}` : lead.role))
          .join('\n')
        break
      case 'targets':
        values[name] = ((value as Target[] | undefined) ?? []).map((target) => ({
          value: target.value === undefined ? (target.text ?? '') : String(target.value),
          by: target.by ?? '',
        }))
        break
      default:
        values[name] = value === null || value === undefined ? '' : String(value)
    }
  }
  return values
}

/**
 * What a link to a new record's form names for it (`?themeId=…` from a theme's page), as the
 * form's controls hold it: only the fields that name other records, which the form still checks.
 */
export function presetValues(type: EditableType, query: Record<string, unknown>): FormValues {
  const values: FormValues = {}
  for (const { name, input } of formFields[type]) {
    const given = query[name]
    if (typeof given !== 'string' || !given) continue
    if (input.kind === 'one') values[name] = given
    if (input.kind === 'some') values[name] = [given]
  }
  return values
}

const linesOf = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

function leadOf(line: string): Lead {
  const colon = line.indexOf(':')
  if (colon < 0) return { role: line }
  const role = line.slice(0, colon).trim()
  const person = line.slice(colon + 1).trim()
  return person ? { role: role || person, person } : { role }
}

/** A figure typed with a thousands comma or a per cent sign is still that figure; anything else is kept as words. */
function targetOf(row: TargetRow): Target {
  const typed = row.value.trim()
  const figure = Number(typed.replace(/[,%£\s]/g, ''))
  const target: Target = typed && Number.isFinite(figure) ? { value: figure } : { text: typed }
  if (row.by) target.by = row.by
  return target
}

/** One field's value as its record's schema takes it: empty text is "none" where the field may be empty. */
function fieldValue(type: EditableType, field: FormField, value: FormValue): unknown {
  switch (field.input.kind) {
    case 'yes-no':
    case 'some':
      return value
    case 'lines':
      return linesOf(value as string)
    case 'leads':
      return linesOf(value as string).map(leadOf)
    case 'targets':
      return (value as TargetRow[]).filter((row) => row.value.trim() || row.by).map(targetOf)
    case 'number': {
      const typed = (value as string).trim()
      return typed === '' ? undefined : Number.isFinite(Number(typed)) ? Number(typed) : typed
    }
    default: {
      const typed = (value as string).trim()
      if (typed !== '') return typed
      return nullable(type, field.name) ? null : undefined
    }
  }
}

const askedFor = (field: FormField) => `Enter ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}`

/** Fields the record cannot be without, left empty: each asked for by its label before anything is checked further. */
export function missingProblems(type: EditableType, values: FormValues): Problem[] {
  return formFields[type].flatMap((field) =>
    ['text', 'long', 'date', 'choice', 'one'].includes(field.input.kind) &&
    typeof values[field.name] === 'string' &&
    !(values[field.name] as string).trim() &&
    !nullable(type, field.name)
      ? [{ field: controlIdOf(field.name), message: askedFor(field) }]
      : [],
  )
}

/** The form's values as the record's fields. */
export function fromFormValues(type: EditableType, values: FormValues): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const field of formFields[type]) {
    if (!(field.name in values)) continue
    const value = fieldValue(type, field, values[field.name]!)
    if (value !== undefined) fields[field.name] = value
  }
  return fields
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Only what the admin changed: an edit that names a field sets it, so untouched fields are left to others' edits. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(after).filter(([name, value]) => !same(before[name], value)))
}

/**
 * The problems a change's schema found, as the form shows them: each beside its field and
 * in the summary, in the form's order. A missing value is asked for by the field's label.
 */
export function formProblems(
  type: EditableType,
  issues: readonly { path: PropertyKey[]; message: string; code?: string }[],
): Problem[] {
  const fields = formFields[type]
  const problems: Problem[] = []
  for (const issue of issues) {
    const name = issue.path[0] === 'fields' ? String(issue.path[1] ?? '') : ''
    const field = fields.find((candidate) => candidate.name === name)
    const message =
      field && (issue.code === 'invalid_type' || /needs its/.test(issue.message))
        ? askedFor(field)
        : field
          ? `${field.label}: ${issue.message}`
          : issue.message
    // One problem per field: the first the schema found.
    const id = field && controlIdOf(field.name)
    if (!id || !problems.some((problem) => problem.field === id)) problems.push({ field: id, message })
  }
  const order = (problem: Problem) => fields.findIndex((field) => controlIdOf(field.name) === problem.field)
  return problems.sort((a, b) => order(a) - order(b))
}
