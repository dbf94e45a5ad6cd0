import type { MeasureActual } from '../plan-records'

/**
 * A measure's figures with one more: a period already recorded is replaced where it
 * stood (a corrected figure), a new one goes last, so the list stays oldest first.
 */
export function withActual(actuals: readonly MeasureActual[], actual: MeasureActual): MeasureActual[] {
  const at = actuals.findIndex((existing) => existing.period === actual.period)
  if (at === -1) return [...actuals, actual]
  return actuals.map((existing, i) => (i === at ? actual : existing))
}

/** The source a closed staff survey gives the figure it records for each measure it feeds. */
export const surveyFigureSource = 'Staff survey'
