import { minimumGroupFloor, surveyDraftSchema, type SurveyDraft } from '../../../shared/surveys'
import type { Problem } from '../../ui/form-problems'
import { issueInWords } from './mutations'

/** The ids of the new-survey form's controls, so each problem links to where it is put right. */
export const draftFieldIds = {
  title: 'survey-title',
  introduction: 'survey-introduction',
  questions: 'add-values',
  questionText: (questionId: string) => `question-text-${questionId}`,
  questionKey: (questionId: string) => `question-key-${questionId}`,
  audience: (kind: string) => `audience-${kind}`,
  opensOn: 'survey-opens',
  closesOn: 'survey-closes',
  minimumGroup: 'survey-minimum',
  measure: (measureId: string) => `measure-${measureId}`,
  previousSurveyId: 'survey-previous',
}

/** The control a schema issue is about. */
function fieldOf(draft: SurveyDraft, path: PropertyKey[]): string | undefined {
  const [field, index, part] = path
  if (field === 'questions') {
    const question = typeof index === 'number' ? draft.questions[index] : undefined
    if (question)
      return part === 'key' ? draftFieldIds.questionKey(question.id) : draftFieldIds.questionText(question.id)
    // "Each question needs its own key": the second of a pair is the one to change.
    const repeat = draft.questions.find((q, i) => draft.questions.findIndex((other) => other.key === q.key) !== i)
    return repeat ? draftFieldIds.questionKey(repeat.id) : draftFieldIds.questions
  }
  if (field === 'audience') return draftFieldIds.audience(draft.audience.kind)
  if (field === 'measureLinks') return draft.measureLinks[0] && draftFieldIds.measure(draft.measureLinks[0].measureId)
  if (field === 'title' || field === 'introduction' || field === 'opensOn' || field === 'closesOn') {
    return draftFieldIds[field]
  }
  if (field === 'minimumGroup' || field === 'previousSurveyId') return draftFieldIds[field]
  return undefined
}

/** Every problem with a new survey, each linked to its control; none when it can be created. */
export function draftFormProblems(draft: SurveyDraft): Problem[] {
  const check = surveyDraftSchema.safeParse(draft)
  const found: Problem[] = check.success
    ? []
    : check.error.issues
        // Said better below, once, for the measures chosen.
        .filter((issue) => !(issue.path[0] === 'measureLinks' && issue.code === 'too_small'))
        .map((issue) => ({ field: fieldOf(draft, issue.path), message: issueInWords(issue) }))
  const floor = `The minimum reporting group can never be below ${minimumGroupFloor}.`
  if (draft.minimumGroup < minimumGroupFloor && !found.some((p) => p.message === floor)) {
    found.push({ field: draftFieldIds.minimumGroup, message: floor })
  }
  const [link] = draft.measureLinks
  if (link && !link.questionKeys.length) {
    found.push({
      field: draftFieldIds.measure(link.measureId),
      message: 'Linked measures are measured by the value questions: add one agreement question per value first.',
    })
  }
  return found.filter((problem, i) => found.findIndex((p) => p.message === problem.message) === i)
}
