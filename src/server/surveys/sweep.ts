import type { Database } from '../db/database'
import { closeDueSurveys } from './closing'

/**
 * Closes surveys whose closing date has passed, now and then every `everyMs`; returns a
 * stop that waits for a sweep under way. Keeps nothing in memory that another replica
 * needs: each run asks the database afresh, and closing is safe on several at once.
 */
export function startSurveySweep(
  db: Database,
  onError: (error: unknown) => void,
  everyMs = 60_000,
): () => Promise<void> {
  let running: Promise<void> | undefined
  const sweep = () => {
    running ??= closeDueSurveys(db)
      .then(() => undefined, onError)
      .finally(() => (running = undefined))
  }
  sweep()
  const timer = setInterval(sweep, everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
