import { z } from 'zod'
import { answersProblem, reportingTeam, surveyAnswersSchema, surveyState } from '../../surveys'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope, id } from '../envelope'

/**
 * An answer to a survey. Its mutation id is never stored with the answers, and it writes no
 * history at all: that someone answered is recorded only among the survey's participants,
 * never beside what they said. Once a survey is closed for good no answer is taken, whatever
 * time the device claims, so its published results never move.
 */
export const surveySubmitSchema = z.object({
  ...envelope,
  kind: z.literal('survey.submit'),
  data: z.object({ surveyId: id, answers: surveyAnswersSchema }),
})
type Data = z.infer<typeof surveySubmitSchema>['data']

export const surveySubmit: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.surveyId,
  refers(data, refs) {
    refs.surveyIds.add(data.surveyId)
  },
  decide(data, { who, context, madeAt }) {
    const survey = context.surveys.get(data.surveyId)
    if (!survey) return refuse('This survey is not in your organisation.')
    const state = context.closedSurveys.has(survey.id) ? 'closed' : surveyState(survey, madeAt.slice(0, 10))
    if (state !== 'open')
      return refuse(state === 'closed' ? 'This survey has closed.' : 'This survey has not opened yet.')
    const problem = answersProblem(survey, data.answers)
    if (problem) return refuse(problem)
    const teamId = reportingTeam(survey.audience, who.teamIds, (id) => context.areaOfTeam.get(id))
    if (teamId === undefined) return refuse('This survey is not for your team.')
    if (context.answered.has(survey.id))
      return refuse('You have already answered this survey. Each person answers once.')
    context.answered.add(survey.id)
    return {
      outcome: 'applied',
      writes: [
        {
          kind: 'survey-response',
          surveyId: survey.id,
          teamId,
          areaId: teamId ? (context.areaOfTeam.get(teamId) ?? null) : null,
          answers: data.answers,
        },
      ],
      history: null,
    }
  },
  onDevice: (data, copy) => copy.markAnswered(data.surveyId),
  undo: (data, copy) => copy.forgetAnswered(data.surveyId),
  describe: () => 'Your answers to a survey',
}
