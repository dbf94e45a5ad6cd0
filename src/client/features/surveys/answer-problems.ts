import type { Question, Survey } from '../../../shared/surveys'
import type { Problem } from '../../ui/form-problems'
import type { SurveyAnswers } from './queries'

/** The id of a question's control: its box, or its choice `index` (the first is where the error summary sends focus). */
export const questionInputId = (question: Pick<Question, 'id' | 'kind'>, index = 0) =>
  question.kind === 'free-text' ? `q-${question.id}` : `q-${question.id}-${index}`

/** What the inline error beside an unanswered question says; the summary names the question too. */
export const selectAnAnswer = 'Select an answer'

/** One problem for every question still to answer (free text is optional), in the survey's order. */
export function unansweredProblems(survey: Pick<Survey, 'questions'>, answers: SurveyAnswers): Problem[] {
  return survey.questions.flatMap((question, index) =>
    question.kind === 'free-text' || typeof answers[question.id] === 'number'
      ? []
      : [
          {
            field: questionInputId(question),
            message: `${selectAnAnswer} to question ${index + 1}, “${question.text}”`,
          },
        ],
  )
}
