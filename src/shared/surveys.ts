import { z } from 'zod'
import { minimumGroupFloor, questionKinds } from './survey-rules'
import { pgDate, pgText, uuid } from './pg-values'

export * from './survey-rules'

/**
 * Staff surveys on the values. A survey and its questions are synced like the plan;
 * responses never are: they are stored apart from who gave them and only ever
 * reported as results for groups at or above the survey's minimum size.
 */
const id = uuid()
const isoDate = pgDate()
const questionKey = pgText(60, { trim: true }).min(1)

export const questionSchema = z.object({
  id,
  kind: z.enum(questionKinds),
  text: pgText(500, { trim: true }).min(3),
  /** The organisational value the question is about, if any: results roll up per value. */
  valueId: id.nullable(),
  /** Questions of earlier rounds with the same key are compared with this one. */
  key: questionKey,
})
export type Question = z.infer<typeof questionSchema>

export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation') }),
  z.object({ kind: z.literal('areas'), areaIds: z.array(id).min(1) }),
  z.object({ kind: z.literal('teams'), teamIds: z.array(id).min(1) }),
])
export type Audience = z.infer<typeof audienceSchema>

export const surveyDraftSchema = z
  .object({
    id,
    title: pgText(200, { trim: true }).min(3),
    introduction: pgText(2000, { trim: true }),
    questions: z.array(questionSchema).min(1).max(60),
    audience: audienceSchema,
    opensOn: isoDate,
    closesOn: isoDate,
    minimumGroup: z
      .number()
      .int()
      .min(minimumGroupFloor, `The minimum reporting group can never be below ${minimumGroupFloor}.`)
      .max(1000),
    /** Plan measures whose actual this survey's result becomes, and from which questions. */
    measureLinks: z.array(z.object({ measureId: id, questionKeys: z.array(questionKey).min(1).max(60) })).max(20),
    /** The earlier round results are compared with. */
    previousSurveyId: id.nullable(),
  })
  .refine((s) => s.closesOn >= s.opensOn, {
    message: 'The closing date must be on or after the opening date.',
    path: ['closesOn'],
  })
  .refine((s) => new Set(s.questions.map((q) => q.key)).size === s.questions.length, {
    message: 'Each question needs its own key.',
    path: ['questions'],
  })
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
export const answerSchema = z.union([z.number().int().min(0).max(10), pgText(2000, { trim: true })])
/** Keyed by question id. */
export const surveyAnswersSchema = z.record(id, answerSchema)
