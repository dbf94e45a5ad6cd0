import { z } from 'zod'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope, id } from '../envelope'

/** A plan admin closes a survey early: it takes no more answers, and its results are published. */
export const surveyCloseSchema = z.object({
  ...envelope,
  kind: z.literal('survey.close'),
  data: z.object({ surveyId: id }),
})
type Data = z.infer<typeof surveyCloseSchema>['data']

export const surveyClose: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.surveyId,
  refers(data, refs) {
    refs.surveyIds.add(data.surveyId)
  },
  decide(data, { who, context, madeAt }) {
    if (who.role !== 'admin') return refuse('Only plan admins can close surveys.')
    const survey = context.surveys.get(data.surveyId)
    if (!survey) return refuse('This survey is not in your organisation.')
    const today = madeAt.slice(0, 10)
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
  },
  // Closing is the server's to do: until then the survey stays as it was.
  onDevice: async () => {},
  undo: async () => {},
  describe: () => 'Closing a survey',
}
