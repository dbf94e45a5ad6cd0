import type { Measure } from '../../../shared/entities'
import {
  directionOfTravel,
  type MeasureFigures,
  type MeasureStanding,
} from '../../../shared/monitoring/measure-standing'
import { figure } from '../plan/measure-words'

/** The word a standing is shown with where it is not rated (a rated one is shown as its RAG status). */
export const unratedWords = { 'data-only': 'Data only', 'no data': 'No figures yet' } as const

/** A standing in a sentence: the latest figure against its target and tolerance, or why it is not judged. */
export function standingSentence(
  standing: MeasureStanding,
  measure: Pick<Measure, 'unit' | 'tolerancePercent'>,
): string {
  const at = (value: number) => figure(measure.unit, { value })
  if (standing.kind === 'no data') return 'No figures have been recorded for this measure yet.'
  const latest = `${at(standing.actual)} for ${standing.period}`
  if (standing.kind === 'data-only')
    return standing.why === 'no target'
      ? `${latest}. The plan sets no target in figures to judge it against.`
      : `${latest}. The plan does not say whether higher or lower is better, so it is not judged against its target.`
  const target = at(standing.target)
  const tolerance = `${measure.tolerancePercent}% tolerance`
  if (standing.rag === 'green') return `${latest}, meeting its target of ${target}.`
  if (standing.rag === 'amber') return `${latest}, short of its target of ${target} but within its ${tolerance}.`
  return `${latest}, short of its target of ${target} by more than its ${tolerance}.`
}

/** Which way the figures went since the period before the latest, in words; or why that cannot be said. */
export function travelSentence(measure: Pick<MeasureFigures, 'direction' | 'actuals'>): string {
  const travel = directionOfTravel(measure)
  const before = measure.actuals.at(-2)
  if (travel === null || !before)
    return measure.actuals.length < 2
      ? 'Not enough figures yet to show a direction of travel.'
      : 'The plan does not say whether higher or lower is better, so there is no direction of travel.'
  if (travel === 'improving') return `Improving since ${before.period}.`
  if (travel === 'worsening') return `Worse than ${before.period}.`
  return `No change since ${before.period}.`
}
