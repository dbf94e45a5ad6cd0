import { quarterlyReportSchema, type QuarterlyReport } from '../../../shared/monitoring/quarterly-report-schema'
import type { ReportLock } from '../../../shared/monitoring/report-locks'
import { formatDay } from '../../ui/format'
import type { LockedWords } from './export-docx'

/** A locked quarter as the report screen shows it: the report as locked, or why it cannot be shown. */
export type LockedReport =
  { lock: ReportLock; report: QuarterlyReport; words: LockedWords } | { lock: ReportLock; problem: string }

/**
 * Checks a lock's report against the report's schema before anything shows it: a lock made
 * by another version of the app is refused with a reason, never half read.
 */
export function lockedReportOf(lock: ReportLock, lockedByName: string | undefined): LockedReport {
  const parsed = quarterlyReportSchema.safeParse(lock.report)
  if (!parsed.success)
    return {
      lock,
      problem:
        'This quarter is locked, but its report was made by another version of the app and cannot be shown here. Update the app, then open it again.',
    }
  return {
    lock,
    report: parsed.data,
    words: { by: lockedByName ?? 'a plan admin', on: formatDay(lock.lockedAt.slice(0, 10)) },
  }
}

/** Whether the figures built now differ from the locked ones: the day each is as at aside, any difference counts. */
export function figuresChanged(locked: QuarterlyReport, now: QuarterlyReport): boolean {
  return !sameValue({ ...locked, asAt: '' }, { ...now, asAt: '' })
}

// Key order aside: PostgreSQL's jsonb keeps an object's keys in an order of its own.
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  const other = b as Record<string, unknown>
  return keysA.every((key) => key in other && sameValue((a as Record<string, unknown>)[key], other[key]))
}
