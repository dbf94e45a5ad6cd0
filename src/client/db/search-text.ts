/** The text fields of a theme, action or milestone that search looks in. */
const searchedFields = [
  'code',
  'title',
  'description',
  'outcome',
  'rationale',
  'successMeasure',
  'yearMilestone',
  'baseline',
  'impact',
  'deadlineText',
  'monitoring',
]
/** Lists of text (a theme's focus, what staff said) and of leads ({ role, person }). */
const searchedLists = ['focus', 'whatStaffSaid', 'leads', 'owners']

const textsOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(textsOf)
  if (value && typeof value === 'object') {
    const { role, person } = value as { role?: unknown; person?: unknown }
    return [role, person].filter((part): part is string => typeof part === 'string')
  }
  return []
}

export function searchTextOf(record: Record<string, unknown>): string {
  const fields = searchedFields
    .map((field) => record[field])
    .filter((value): value is string => typeof value === 'string')
  return [...fields, ...searchedLists.flatMap((field) => textsOf(record[field]))].join('\n').toLocaleLowerCase('en-GB')
}
