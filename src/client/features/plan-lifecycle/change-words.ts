import { formFields, type FormField } from '../plan-editing/form-fields'
import { editableTypes, type EditableType } from '../../../shared/plans/editable-records'
import { formatDay, formatMonth } from '../../ui/format'

/**
 * How "What changed" says a changed field: by the label the edit form gives it, and its
 * values in words, so a board reads "Due date: was 31 January 2021" rather than stored names.
 */

const isEditable = (type: string): type is EditableType => (editableTypes as readonly string[]).includes(type)
const formField = (type: string, name: string): FormField | undefined =>
  isEditable(type) ? formFields[type].find((field) => field.name === name) : undefined

/** Fields no form edits (figures, ratings, status): their stored name split into words. */
const inWords = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const fieldLabel = (type: string, name: string) => formField(type, name)?.label ?? inWords(name)

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const none = '(none)'

/** A figure as plans give them: its words if written, else its value, then when it is for. */
function pointWords(point: Record<string, unknown>): string {
  const figure = point.text ?? point.value
  const when =
    typeof point.by === 'string'
      ? `by ${formatMonth(point.by)}`
      : typeof point.date === 'string'
        ? `at ${formatMonth(point.date)}`
        : point.period
  return [figure, when].filter((part) => part !== undefined && part !== null && part !== '').join(' ')
}

function objectWords(value: Record<string, unknown>): string {
  if ('role' in value) return value.person ? `${String(value.role)}: ${String(value.person)}` : String(value.role)
  if ('quarter' in value)
    return `${String(value.quarter)}: likelihood ${String(value.likelihood)}, impact ${String(value.impact)}`
  if ('value' in value || 'text' in value) return pointWords(value)
  return Object.values(value)
    .filter((part) => typeof part === 'string' || typeof part === 'number')
    .join(', ')
}

/** A field's value in words: choices by their labels, dates as dates, records by their names, lists joined. */
export function valueWords(type: string, name: string, value: unknown, namesById: Map<string, string>): string {
  const field = formField(type, name)
  const one = (item: unknown): string => {
    if (item === null || item === undefined || item === '') return none
    if (typeof item === 'boolean') return item ? 'Yes' : 'No'
    if (typeof item === 'number') return String(item)
    if (typeof item === 'string') {
      if (field?.input.kind === 'choice') return field.input.options.find((o) => o.value === item)?.label ?? item
      if (isoDate.test(item)) return formatDay(item)
      return namesById.get(item) ?? item
    }
    if (typeof item === 'object') return objectWords(item as Record<string, unknown>)
    return String(item)
  }
  if (Array.isArray(value))
    return value.length ? value.map(one).join(field?.input.kind === 'lines' ? '; ' : ', ') : none
  return one(value)
}
