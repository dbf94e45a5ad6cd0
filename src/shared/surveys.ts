import { z } from 'zod'

/**
 * Staff surveys on the values. A survey and its questions are synced like the plan;
 * responses never are: they are stored apart from who gave them and only ever
 * reported as results for groups at or above the survey's minimum size.
 */
const id = z.uuid()
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')

export const questionKinds = ['agreement', 'yes-no', 'scale', 'free-text'] as const
export type QuestionKind = (typeof questionKinds)[number]

/** The answer choices of each closed question, in order, and which count as favourable. */
export const agreementScale = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] as const
export const choicesOf: Record<Exclude<QuestionKind, 'free-text'>, readonly string[]> = {
  agreement: agreementScale,
  'yes-no': ['No', 'Yes'],
  scale: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
}
/** Favourable answers: agree or strongly agree; yes; 7 to 10 on the 0-10 scale. */
export const isFavourable = (kind: QuestionKind, answer: number): boolean =>
  kind === 'agreement' ? answer >= 3 : kind === 'yes-no' ? answer === 1 : kind === 'scale' ? answer >= 7 : false

export const questionSchema = z.object({
  id,
  kind: z.enum(questionKinds),
  text: z.string().trim().min(3).max(500),
  /** The organisational value the question is about, if any: results roll up per value. */
  valueId: id.nullable(),
  /** Questions of earlier rounds with the same key are compared with this one. */
  key: z.string().trim().min(1).max(60),
})
export type Question = z.infer<typeof questionSchema>

export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation') }),
  z.object({ kind: z.literal('areas'), areaIds: z.array(id).min(1) }),
  z.object({ kind: z.literal('teams'), teamIds: z.array(id).min(1) }),
])
export type Audience = z.infer<typeof audienceSchema>

export const minimumGroupFloor = 5
export const defaultMinimumGroup = 10

export const surveyDraftSchema = z
  .object({
    id,
    title: z.string().trim().min(3).max(200),
    introduction: z.string().trim().max(2000),
    questions: z.array(questionSchema).min(1).max(60),
    audience: audienceSchema,
    opensOn: isoDate,
    closesOn: isoDate,
    minimumGroup: z.number().int().min(minimumGroupFloor, `The minimum reporting group can never be below ${minimumGroupFloor}.`).max(1000),
    /** Plan measures whose actual this survey's result becomes, and from which questions. */
    measureLinks: z.array(z.object({ measureId: id, questionKeys: z.array(z.string()).min(1) })).max(20),
    /** The earlier round results are compared with. */
    previousSurveyId: id.nullable(),
  })
  .refine((s) => s.closesOn >= s.opensOn, { message: 'The closing date must be on or after the opening date.', path: ['closesOn'] })
  .refine((s) => new Set(s.questions.map((q) => q.key)).size === s.questions.length, { message: 'Each question needs its own key.', path: ['questions'] })
export type SurveyDraft = z.infer<typeof surveyDraftSchema>

export const surveySchema = z.object({
  id,
  version: z.number().int().nonnegative(),
  title: z.string(),
  introduction: z.string(),
  questions: z.array(questionSchema),
  audience: audienceSchema,
  opensOn: isoDate,
  closesOn: isoDate,
  minimumGroup: z.number().int(),
  measureLinks: z.array(z.object({ measureId: id, questionKeys: z.array(z.string()) })),
  previousSurveyId: id.nullable(),
  createdBy: id,
})
export type Survey = z.infer<typeof surveySchema>

/** One answer per question: an index into choicesOf for closed questions, text for free text. */
export const answerSchema = z.union([z.number().int().min(0).max(10), z.string().trim().max(2000)])
export const surveyAnswersSchema = z.record(z.string(), answerSchema)

export type SurveyState = 'upcoming' | 'open' | 'closed'
export function surveyState(survey: Pick<Survey, 'opensOn' | 'closesOn'>, today: string): SurveyState {
  if (today < survey.opensOn) return 'upcoming'
  return today > survey.closesOn ? 'closed' : 'open'
}

/** Checks answers against the survey's questions; returns the problem in words, or undefined. */
export function answersProblem(survey: Pick<Survey, 'questions'>, answers: Record<string, unknown>): string | undefined {
  for (const question of survey.questions) {
    const answer = answers[question.id]
    if (answer === undefined || answer === '') {
      if (question.kind === 'free-text') continue
      return `Answer “${question.text}”.`
    }
    if (question.kind === 'free-text') {
      if (typeof answer !== 'string') return `“${question.text}” needs a written answer.`
    } else if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= choicesOf[question.kind].length) {
      return `The answer to “${question.text}” is not one of its choices.`
    }
  }
  const known = new Set(survey.questions.map((q) => q.id))
  if (Object.keys(answers).some((key) => !known.has(key))) return 'The answers include a question this survey does not ask.'
  return undefined
}

/**
 * The team a person's answers are reported under: their first team in the audience.
 * `null` for someone in no team (counted for the whole organisation only); `undefined`
 * when the person is not in the audience at all.
 */
export function reportingTeam(audience: Audience, teamIds: string[], areaOfTeam: (teamId: string) => string | undefined): string | null | undefined {
  if (audience.kind === 'teams') return teamIds.find((id) => audience.teamIds.includes(id))
  if (audience.kind === 'areas') return teamIds.find((id) => audience.areaIds.includes(areaOfTeam(id) ?? ''))
  return teamIds[0] ?? null
}
