import { z } from 'zod'
import { base, id, timestamp } from '../record-fields'

/** A reporting quarter as `quarterOf` names it (src/shared/sync/quarter.ts): "2026/27 Q3". */
export const quarterSchema = z
  .string('Say which quarter to lock, like 2026/27 Q3.')
  .regex(/^\d{4}\/\d{2} Q[1-4]$/, 'A quarter is written like 2026/27 Q3.')
  .refine(
    (quarter) => (Number(quarter.slice(0, 4)) + 1) % 100 === Number(quarter.slice(5, 7)),
    'A quarter’s financial year runs into the next year, like 2026/27.',
  )
  .refine((quarter) => {
    const year = Number(quarter.slice(0, 4))
    return year >= 2000 && year < 2100
  }, 'A quarter must be between 2000/01 and 2099/00.')

/**
 * A plan's quarter locked by a plan admin: the quarterly report as the server built it then,
 * so an issued report does not change silently with later edits. `report` is kept as sent;
 * the report screen checks it against the report's own schema before showing it, so a lock
 * made by another version of the app is shown or refused, never half read.
 */
export const reportLockSchema = z.object({
  ...base,
  planId: id,
  quarter: z.string(),
  report: z.record(z.string(), z.unknown()),
  lockedBy: id,
  lockedAt: timestamp,
})
export type ReportLock = z.infer<typeof reportLockSchema>

/** POST /api/plans/:id/quarters/lock */
export const lockQuarterSchema = z.strictObject(
  { quarter: quarterSchema },
  // Said when no object came; an unknown key keeps zod's own words, which name it.
  {
    error: (issue) =>
      issue.code === 'invalid_type' ? 'Send the quarter to lock, like { "quarter": "2026/27 Q3" }.' : undefined,
  },
)
export type LockQuarter = z.infer<typeof lockQuarterSchema>
