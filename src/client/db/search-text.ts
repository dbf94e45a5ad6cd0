/** The fields of a theme, action or milestone that search looks in. */
const searchedFields = ['code', 'title', 'description', 'outcome', 'rationale', 'leadRole', 'successMeasure', 'yearMilestone', 'baseline', 'impact']

export function searchTextOf(record: Record<string, unknown>): string {
  return searchedFields
    .map((field) => record[field])
    .filter((value): value is string => typeof value === 'string')
    .join('\n')
    .toLocaleLowerCase('en-GB')
}
