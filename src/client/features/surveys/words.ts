import type { GroupRef } from '../../../shared/survey-results'
import type { SurveyState } from '../../../shared/surveys'

/** 62.5 → "62.5%"; null → "no answers". */
export const percentText = (value: number | null) => (value === null ? 'no answers' : `${value}%`)

const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`

/** The change since the last round, in words: "up 4.7 points", "down 2.8 points", "no change", "no earlier round". */
export function changeText(change: number | null, previousPercent: number | null): string {
  if (change === null || previousPercent === null) return 'no earlier round'
  if (change === 0) return 'no change'
  return change > 0 ? `up ${points(change)}` : `down ${points(Math.abs(change))}`
}

export const stateWords: Record<SurveyState, string> = { open: 'Open', upcoming: 'Not open yet', closed: 'Closed' }

export const groupKindWords: Record<GroupRef['kind'], string> = {
  organisation: 'the whole organisation',
  area: 'area',
  team: 'team',
}

/** The anonymity promise shown above every survey form. */
export const anonymityStatement = (minimumGroup: number) =>
  `Your answers are anonymous. They are stored without your name, your device or the time you answered, and results are only shown for groups of at least ${minimumGroup} people.`
