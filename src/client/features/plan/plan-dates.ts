import { formatMonth } from '../../ui/format'

/**
 * " by March 2026", or " for March 2021 (date passed)" once the date has gone by: a plan's
 * dates are kept as written, but nothing long past may read as this quarter's.
 */
export function byPlanDate(date: string | null, today = new Date().toISOString().slice(0, 10)): string {
  if (!date) return ''
  return date < today ? ` for ${formatMonth(date)} (date passed)` : ` by ${formatMonth(date)}`
}
