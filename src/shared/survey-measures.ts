import type { Survey } from './surveys'
import type { LinkedMeasure, MeasureResult, StoredResponse } from './survey-results'
import { favourableShare } from './survey-shares'

/** The target a survey closing on `on` is judged against: the next one due, else the last. */
function nextTarget(targets: LinkedMeasure['targets'], on: string) {
  const dated = targets.filter((t): t is { value: number; by: string } => t.value !== undefined && t.by !== undefined)
  const sorted = dated.sort((a, b) => a.by.localeCompare(b.by))
  return sorted.find((t) => t.by >= on) ?? sorted.at(-1) ?? null
}

/** How a group's answers stand against each measure the survey feeds. */
export function measureResults(
  survey: Survey,
  measures: LinkedMeasure[],
  responses: StoredResponse[],
): MeasureResult[] {
  return survey.measureLinks.flatMap((link): MeasureResult[] => {
    const measure = measures.find((m) => m.id === link.measureId)
    if (!measure) return []
    const share = favourableShare(
      survey.questions.filter((q) => link.questionKeys.includes(q.key)),
      responses,
    )
    const target = nextTarget(measure.targets, survey.closesOn)
    const onTrack =
      share === null || !target || !measure.direction
        ? null
        : measure.direction === 'higher-is-better'
          ? share >= target.value
          : share <= target.value
    return [{ measureId: measure.id, title: measure.title, percent: share, target, onTrack }]
  })
}
