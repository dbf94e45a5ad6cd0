import type { Measure } from '../entities'
import type { MeasureActual } from '../plan-records'
import { quarterYearBefore } from '../sync/quarter'
import { standingKey } from './count-keys'
import { surveyFigureSource } from './measure-actuals'
import { directionOfTravel, measureStanding } from './measure-standing'
import type { QuarterlyReport } from './quarterly-report-schema'

/**
 * A figure a closed staff survey gave its measure (src/server/surveys/closing.ts; those
 * recorded before it named its source say so in their note), or a document's survey figure.
 */
export const isSurveyFigure = (actual: MeasureActual) =>
  actual.source === surveyFigureSource ||
  actual.note?.startsWith('Staff survey closed') === true ||
  /\bsurvey\b/i.test(actual.period)

/**
 * The quarterly report's parts about measures, in title order: the scorecard, the red and
 * amber ones for the exceptions (red first), and the figures staff surveys gave.
 */
export function measureSections(
  measures: readonly Measure[],
  quarter: string,
  today: string,
): Pick<QuarterlyReport, 'measures' | 'surveys'> & { exceptions: QuarterlyReport['exceptions']['measures'] } {
  const rows = [...measures]
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || (a.id < b.id ? -1 : 1))
    .map((measure) => ({ measure, standing: measureStanding(measure, today), key: standingKey(measure, today) }))
  return {
    measures: rows.map(({ measure, standing, key }) => ({
      id: measure.id,
      title: measure.title,
      unit: measure.unit,
      standing: key,
      actual: standing.kind === 'no data' ? null : standing.actual,
      actualPeriod: standing.kind === 'no data' ? null : standing.period,
      target: standing.kind === 'rated' ? standing.target : null,
      direction: directionOfTravel(measure),
      lastYear: measure.actuals.find((actual) => actual.period === quarterYearBefore(quarter))?.value ?? null,
    })),
    exceptions: (['red', 'amber'] as const).flatMap((rag) =>
      rows.flatMap(({ measure, standing }) =>
        standing.kind === 'rated' && standing.rag === rag
          ? [
              {
                id: measure.id,
                title: measure.title,
                rag,
                actual: standing.actual,
                target: standing.target,
                period: standing.period,
                note: measure.actuals.at(-1)?.note ?? null,
              },
            ]
          : [],
      ),
    ),
    surveys: rows.flatMap(({ measure }) => {
      const surveyed = measure.actuals.filter(isSurveyFigure).at(-1)
      if (!surveyed) return []
      const asSurveyed = { ...measure, actuals: [surveyed] }
      const standing = measureStanding(asSurveyed, today)
      return [
        {
          measureId: measure.id,
          title: measure.title,
          unit: measure.unit,
          survey: surveyed.period,
          actual: surveyed.value,
          target: standing.kind === 'rated' ? standing.target : null,
          standing: standingKey(asSurveyed, today),
        },
      ]
    }),
  }
}
