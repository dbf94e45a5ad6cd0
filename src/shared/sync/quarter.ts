/**
 * The reporting quarter of a moment, in the financial year councils report in
 * (April to March): 5 November 2026 is "2026/27 Q3".
 */
export function quarterOf(moment: Date | string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment
  const month = date.getUTCMonth() // 0 = January
  const startYear = month >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1
  const quarter = Math.floor(((month + 9) % 12) / 3) + 1
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')} Q${quarter}`
}
