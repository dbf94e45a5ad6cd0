import { toRaw } from 'vue'
import type { z } from 'zod'
import { answersProblem, surveyDraftSchema, type Survey, type SurveyDraft } from '../../../shared/surveys'
import { localDb, type LocalDatabase } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { locallyChangedTables } from '../../sync/local-effects'
import { sendSoon } from '../../sync/send-soon'
import type { SurveyAnswers } from './queries'

/** A plain copy of the answers: IndexedDB cannot store Vue's reactive proxies. */
export const plainAnswers = (answers: SurveyAnswers): SurveyAnswers => ({ ...toRaw(answers) })

/** Keeps the answers so far on this device, so nothing is lost to a reload or a flat battery. */
export async function saveDraft(
  db: LocalDatabase,
  surveyId: string,
  answers: SurveyAnswers,
  now = new Date(),
): Promise<string> {
  const savedAt = now.toISOString()
  await db.surveyDrafts.put({ surveyId, answers: plainAnswers(answers), savedAt })
  return savedAt
}

/** The answers as they are sent: only this survey's questions, free text trimmed, blank free text left out. */
export function answersToSend(survey: Pick<Survey, 'questions'>, answers: SurveyAnswers): SurveyAnswers {
  const send: SurveyAnswers = {}
  for (const question of survey.questions) {
    const answer = answers[question.id]
    if (answer === undefined) continue
    if (typeof answer === 'string') {
      if (answer.trim()) send[question.id] = answer.trim()
    } else send[question.id] = answer
  }
  return send
}

/**
 * Queues the answers. In one transaction: the outbox entry, the survey marked answered
 * on this device, and the draft deleted, so a crash can never leave a survey both sent
 * and offered again. Returns the problem in words instead if the answers are incomplete.
 */
export async function submitAnswers(
  db: LocalDatabase,
  personId: string,
  survey: Pick<Survey, 'id' | 'questions'>,
  answers: SurveyAnswers,
): Promise<string | undefined> {
  const send = answersToSend(survey, plainAnswers(answers))
  const problem = answersProblem(survey, send)
  if (problem) return problem
  await db.transaction('rw', [db.outbox, db.uploads, ...locallyChangedTables(db), db.surveyDrafts], async () => {
    await queueChange(db, personId, { kind: 'survey.submit', data: { surveyId: survey.id, answers: send } })
    await db.surveyDrafts.delete(survey.id)
  })
  sendSoon()
  return undefined
}

/* Plan admins: creating and closing surveys. */

const fieldNames: Record<string, string> = {
  title: 'Title',
  introduction: 'Introduction',
  questions: 'Questions',
  audience: 'Audience',
  opensOn: 'Opens on',
  closesOn: 'Closes on',
  minimumGroup: 'Minimum reporting group',
  measureLinks: 'Linked measures',
  previousSurveyId: 'Previous round',
}
const questionFields: Record<string, string> = { text: 'text', key: 'key', kind: 'kind', valueId: 'value' }

function where(path: PropertyKey[]): string {
  const [field, index, part] = path
  if (field === 'questions' && typeof index === 'number')
    return `Question ${index + 1} ${questionFields[String(part)] ?? ''}`.trim()
  if (field === 'audience') return 'Audience'
  return fieldNames[String(field)] ?? 'The survey'
}

/** One schema issue as a sentence a plan admin can act on. */
export function issueInWords(issue: z.core.$ZodIssue): string {
  const place = where(issue.path)
  if (issue.code === 'custom') return issue.message
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum)
    if (issue.origin === 'string')
      return min <= 1 ? `${place}: fill this in.` : `${place}: write at least ${min} characters.`
    if (issue.origin === 'array') {
      if (issue.path[0] === 'questions') return 'Add at least one question.'
      if (issue.path[1] === 'areaIds') return 'Choose at least one area to ask.'
      if (issue.path[1] === 'teamIds') return 'Choose at least one team to ask.'
      return `${place}: choose at least ${min}.`
    }
    if (issue.origin === 'number')
      return issue.message.startsWith('Too small') ? `${place}: must be at least ${min}.` : issue.message
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum)
    if (issue.origin === 'string') return `${place}: write no more than ${max} characters.`
    if (issue.origin === 'array') return `${place}: no more than ${max}.`
    return `${place}: must be at most ${max}.`
  }
  if (issue.code === 'invalid_format')
    return issue.path[0] === 'opensOn' || issue.path[0] === 'closesOn'
      ? `${place}: choose a date.`
      : `${place}: ${issue.message}`
  if (issue.code === 'invalid_type' && issue.expected === 'number') return `${place}: enter a whole number.`
  return `${place}: ${issue.message}`
}

export async function createSurvey(personId: string, draft: SurveyDraft): Promise<void> {
  await queueChange(localDb, personId, { kind: 'survey.create', data: surveyDraftSchema.parse(draft) })
  sendSoon()
}

export async function closeSurvey(personId: string, surveyId: string): Promise<void> {
  await queueChange(localDb, personId, { kind: 'survey.close', data: { surveyId } })
  sendSoon()
}
