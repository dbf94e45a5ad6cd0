import type { Measure, Risk } from '../entities'

/**
 * What the annual refresh writes where a plan names its years, and how it tells of the
 * dates an admin must set again. Pure, so the device says the same as the server.
 */

/** The deadline text of an action or milestone carried into next year's version, until an admin sets its date. */
export const newDateToSet = 'New date to set'

const pad = (year: number, digits: number) => String(year % 10 ** digits).padStart(digits, '0')

/**
 * Years moved on by one: "2025-26" → "2026-27", "2020/24" → "2021/25", "2019 to 2024" →
 * "2020 to 2025", "March 2017" → "March 2018". Undefined where the text names no year.
 */
export function nextPeriod(text: string): string | undefined {
  let moved = false
  const range = /\b((?:19|20)\d{2})(\s*(?:[-/–]|to)\s*)(\d{4}|\d{2})\b/g
  const single = /\b(?:19|20)\d{2}\b/g
  // Ranges first, so the two-digit end of "2025-26" moves with its start; then years on their own.
  const parts = text.split(range)
  let result = ''
  for (let i = 0; i < parts.length; i += 4) {
    result += parts[i]!.replace(single, (year) => {
      moved = true
      return String(Number(year) + 1)
    })
    if (i + 3 < parts.length) {
      moved = true
      const end = parts[i + 3]!
      result += `${Number(parts[i + 1]) + 1}${parts[i + 2]}${pad(Number(end) + 1, end.length)}`
    }
  }
  return moved ? result : undefined
}

/** The title of next year's version: its years moved on, or, where it names none, said to be the next version. */
export const nextTitle = (title: string): string => nextPeriod(title) ?? `${title} (next version)`

/** A date a year later; 29 February becomes 28 February. */
export function yearLater(date: string): string {
  const [year, month, day] = date.split('-')
  const next = Number(year) + 1
  const leap = (next % 4 === 0 && next % 100 !== 0) || next % 400 === 0
  return `${next}-${month}-${month === '02' && day === '29' && !leap ? '28' : day}`
}

/** What starting next year's version made: how many of each record were carried over, and the work left behind as complete. */
export interface RefreshResult {
  planId: string
  title: string
  carried: Record<
    'themes' | 'actions' | 'milestones' | 'measures' | 'risks' | 'recommendations' | 'sections' | 'assignments',
    number
  >
  completeLeft: { actions: number; milestones: number }
}

/**
 * A measure as next year's version starts it: its baseline, targets and tolerance, and no
 * figures, as a new year has none yet. Its latest figure, where it has one, is where the new
 * year starts from, so it becomes the baseline, with the period it was for.
 */
export function measureForNextYear<M extends Pick<Measure, 'baseline' | 'actuals'>>(measure: M): M {
  const latest = measure.actuals.at(-1)
  return {
    ...measure,
    baseline: latest ? { value: latest.value, period: latest.period } : measure.baseline,
    actuals: [],
  }
}

/** A risk as next year's version starts it: rated as it stands now, with no history of quarters' ratings. */
export const riskForNextYear = <R extends Pick<Risk, 'assessments'>>(risk: R): R => ({ ...risk, assessments: [] })
