/** "2026/27" for the financial year starting in April 2026. */
const financialYear = (startYear: number) => `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`

/**
 * The reporting quarter of a moment, in the financial year councils report in
 * (April to March): 5 November 2026 is "2026/27 Q3".
 */
export function quarterOf(moment: Date | string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment
  const month = date.getUTCMonth() // 0 = January
  const startYear = month >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1
  const quarter = Math.floor(((month + 9) % 12) / 3) + 1
  return `${financialYear(startYear)} Q${quarter}`
}

/** The quarter before one `quarterOf` names: "2026/27 Q1" comes after "2025/26 Q4". */
export function quarterBefore(quarter: string): string {
  const startYear = Number(quarter.slice(0, 4))
  const index = Number(quarter.slice(-1))
  return index > 1 ? `${quarter.slice(0, -1)}${index - 1}` : `${financialYear(startYear - 1)} Q4`
}

/** The same quarter a year before: "2025/26 Q3" for "2026/27 Q3". */
export function quarterYearBefore(quarter: string): string {
  return `${financialYear(Number(quarter.slice(0, 4)) - 1)}${quarter.slice(7)}`
}
