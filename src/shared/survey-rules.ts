/**
 * The rules of surveys that need no schema library: choices, what counts as
 * favourable, when a survey is open, whose answers are filed under which team. Kept
 * apart from surveys.ts so the screens a person opens first can use them without zod.
 */
import type { Audience, Survey } from './surveys'

export const questionKinds = ['agreement', 'yes-no', 'scale', 'free-text'] as const
export type QuestionKind = (typeof questionKinds)[number]

/** The answer choices of each closed question, in order, and which count as favourable. */
export const agreementScale = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
] as const
export const choicesOf: Record<Exclude<QuestionKind, 'free-text'>, readonly string[]> = {
  agreement: agreementScale,
  'yes-no': ['No', 'Yes'],
  scale: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
}
/** Favourable answers: agree or strongly agree; yes; 7 to 10 on the 0-10 scale. */
export const isFavourable = (kind: QuestionKind, answer: number): boolean =>
  kind === 'agreement' ? answer >= 3 : kind === 'yes-no' ? answer === 1 : kind === 'scale' ? answer >= 7 : false

export const minimumGroupFloor = 5
export const defaultMinimumGroup = 10

export type SurveyState = 'upcoming' | 'open' | 'closed'
export function surveyState(survey: Pick<Survey, 'opensOn' | 'closesOn'>, today: string): SurveyState {
  if (today < survey.opensOn) return 'upcoming'
  return today > survey.closesOn ? 'closed' : 'open'
}

/** Checks answers against the survey's questions; returns the problem in words, or undefined. */
export function answersProblem(
  survey: Pick<Survey, 'questions'>,
  answers: Record<string, unknown>,
): string | undefined {
  for (const question of survey.questions) {
    const answer = answers[question.id]
    if (answer === undefined || answer === '') {
      if (question.kind === 'free-text') continue
      return `Answer “${question.text}”.`
    }
    if (question.kind === 'free-text') {
      if (typeof answer !== 'string') return `“${question.text}” needs a written answer.`
    } else if (
      typeof answer !== 'number' ||
      !Number.isInteger(answer) ||
      answer < 0 ||
      answer >= choicesOf[question.kind].length
    ) {
      return `The answer to “${question.text}” is not one of its choices.`
    }
  }
  const known = new Set(survey.questions.map((q) => q.id))
  if (Object.keys(answers).some((key) => !known.has(key)))
    return 'The answers include a question this survey does not ask.'
  return undefined
}

/**
 * The team a person's answers are reported under: their first team in the audience.
 * `null` for someone in no team (counted for the whole organisation only); `undefined`
 * when the person is not in the audience at all.
 */
export function reportingTeam(
  audience: Audience,
  teamIds: string[],
  areaOfTeam: (teamId: string) => string | undefined,
): string | null | undefined {
  if (audience.kind === 'teams') return teamIds.find((id) => audience.teamIds.includes(id))
  if (audience.kind === 'areas') return teamIds.find((id) => audience.areaIds.includes(areaOfTeam(id) ?? ''))
  return teamIds[0] ?? null
}
