import { answersProblem, reportingTeam, surveyState } from '../../shared/surveys'
import type { Mutation } from '../../shared/sync/mutations'
import type { Viewer } from '../auth/viewer'
import type { BatchContext } from './context'
import type { Decision } from './decide'

type SurveyMutation = Extract<Mutation, { kind: 'survey.create' | 'survey.close' | 'survey.submit' }>
const refuse = (reason: string): Decision => ({ outcome: 'refused', reason })

/**
 * Surveys: plan admins create and close them; people in a survey's audience answer
 * once while it is open. An answer writes no history at all: that someone answered is
 * recorded only among the survey's participants, never beside what they said. Once a
 * survey is closed for good no answer is taken, whatever time the device claims, so its
 * published results never move.
 */
export function decideSurvey(
  mutation: SurveyMutation,
  viewer: Viewer,
  context: BatchContext,
  madeAt: string,
): Decision {
  const who = viewer.person
  const today = madeAt.slice(0, 10)
  switch (mutation.kind) {
    case 'survey.create': {
      if (who.role !== 'admin') return refuse('Only plan admins can create surveys.')
      const { data } = mutation
      if (data.previousSurveyId && !context.surveys.has(data.previousSurveyId))
        return refuse('The earlier round this survey follows is not in your organisation.')
      const audience = data.audience
      if (audience.kind === 'teams' && audience.teamIds.some((id) => !context.teams.has(id)))
        return refuse('The audience names a team that is not in your organisation.')
      if (audience.kind === 'areas' && audience.areaIds.some((id) => !context.areas.has(id)))
        return refuse('The audience names an area that is not in your organisation.')
      if (data.measureLinks.some((link) => !context.measures.has(link.measureId)))
        return refuse('The survey is linked to a measure that is not in your organisation’s plan.')
      // Later changes in the same push (the next round, an answer) can refer to it.
      context.surveys.set(data.id, { ...data, version: 0, createdBy: who.id })
      return {
        outcome: 'applied',
        writes: [{ kind: 'insert', table: 'surveys', record: { ...data, createdBy: who.id } }],
        history: {
          actionId: null,
          entityType: 'survey',
          entityId: data.id,
          change: 'survey.create',
          details: { title: data.title },
        },
      }
    }
    case 'survey.close': {
      if (who.role !== 'admin') return refuse('Only plan admins can close surveys.')
      const survey = context.surveys.get(mutation.data.surveyId)
      if (!survey) return refuse('This survey is not in your organisation.')
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
      // Later answers in the same push find it closed.
      context.closedSurveys.add(survey.id)
      return {
        outcome: 'applied',
        writes: [{ kind: 'close-survey', id: survey.id, closesOn: yesterday }],
        history: {
          actionId: null,
          entityType: 'survey',
          entityId: survey.id,
          change: 'survey.close',
          details: { title: survey.title },
        },
      }
    }
    case 'survey.submit': {
      const survey = context.surveys.get(mutation.data.surveyId)
      if (!survey) return refuse('This survey is not in your organisation.')
      const state = context.closedSurveys.has(survey.id) ? 'closed' : surveyState(survey, today)
      if (state !== 'open')
        return refuse(state === 'closed' ? 'This survey has closed.' : 'This survey has not opened yet.')
      const problem = answersProblem(survey, mutation.data.answers)
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
            answers: mutation.data.answers,
          },
        ],
        history: null,
      }
    }
  }
}
