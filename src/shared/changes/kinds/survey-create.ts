import { z } from 'zod'
import { surveyDraftSchema } from '../../surveys'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope } from '../envelope'

/** A plan admin's new survey (a later round may follow an earlier one). */
export const surveyCreateSchema = z.object({
  ...envelope,
  kind: z.literal('survey.create'),
  data: surveyDraftSchema,
})
type Data = z.infer<typeof surveyCreateSchema>['data']

export const surveyCreate: ChangeDefinition<Data> = {
  createsId: (data) => data.id,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.newRecordIds.add(data.id)
    if (data.previousSurveyId) refs.surveyIds.add(data.previousSurveyId)
    if (data.audience.kind === 'teams') data.audience.teamIds.forEach((id) => refs.teamIds.add(id))
    if (data.audience.kind === 'areas') data.audience.areaIds.forEach((id) => refs.areaIds.add(id))
    data.measureLinks.forEach((link) => refs.measureIds.add(link.measureId))
  },
  decide(data, { who, context }) {
    if (who.role !== 'admin') return refuse('Only plan admins can create surveys.')
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
  },
  // A new survey opens to its audience once the server has it.
  onDevice: async () => {},
  undo: async () => {},
  describe: (data) => `New survey “${data.title}”`,
}
