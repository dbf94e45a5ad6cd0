import type { MeasureActual } from '../../../shared/plan-records'
import {
  measureStanding,
  targetFor,
  type MeasureFigures,
  type MeasureStanding,
} from '../../../shared/monitoring/measure-standing'

/** Each quarter's last day, in the financial year's order (April to March). */
const quarterEnds = ['06-30', '09-30', '12-31', '03-31']

/**
 * The last day of a reporting period named as the app names them: "2026/27 Q3" (quarterOf)
 * ends on 31 December 2026, "2026/27" on 31 March 2027. Periods written otherwise ("Staff
 * survey 2018") have no date to read.
 */
export function periodEnd(period: string): string | undefined {
  const quarter = /^(\d{4})\/\d{2} Q([1-4])$/.exec(period.trim())
  if (quarter) {
    const start = Number(quarter[1])
    const number = Number(quarter[2])
    return `${number === 4 ? start + 1 : start}-${quarterEnds[number - 1]}`
  }
  const year = /^(\d{4})\/\d{2}$/.exec(period.trim())
  return year ? `${Number(year[1]) + 1}-03-31` : undefined
}

/** One figure as the chart draws it and its table lists it: with the target of its time and how it stood against it. */
export interface FigureRow {
  actual: MeasureActual
  target: number | undefined
  standing: MeasureStanding
}

/**
 * The measure's figures, oldest first, each judged on its own against the target in force
 * when its period ended (or, for a period with no date, when it was recorded, else today).
 */
export function figureRows(measure: MeasureFigures, today: string): FigureRow[] {
  return measure.actuals.map((actual) => {
    const at = periodEnd(actual.period) ?? actual.recordedAt?.slice(0, 10) ?? today
    return {
      actual,
      target: targetFor(measure.targets, at),
      standing: measureStanding({ ...measure, actuals: [actual] }, at),
    }
  })
}
