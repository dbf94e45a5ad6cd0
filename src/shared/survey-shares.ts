import { isFavourable, type Question } from './surveys'
import type { StoredResponse } from './survey-results'

/** A share as a percentage to one decimal place; none of nothing. */
export const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10)
/** How far a share moved since the last round, in points. */
export const difference = (now: number | null, before: number | null) =>
  now === null || before === null ? null : Math.round(10 * (now - before)) / 10

/** The share of answers on the favourable side, over the questions given. */
export function favourableShare(questions: Question[], responses: StoredResponse[]): number | null {
  let favourable = 0
  let answered = 0
  for (const question of questions) {
    if (question.kind === 'free-text') continue
    for (const response of responses) {
      const answer = response.answers[question.id]
      if (typeof answer !== 'number') continue
      answered += 1
      if (isFavourable(question.kind, answer)) favourable += 1
    }
  }
  return percent(favourable, answered)
}
