import { z } from 'zod'
import type { Risk } from '../../entities'
import { riskAssessmentSchema, type RiskAssessment } from '../../plan-records'
import { canRateRisk } from '../../permissions'
import { quarterOf } from '../../sync/quarter'
import { incomingWins } from '../../sync/status-rule'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope, id } from '../envelope'
import { recordedRecord } from '../plan-record-checks'

/** Rating a risk this quarter, by the person who rates it or a plan admin, offline like any change. */
export const riskAssessSchema = z.object({
  ...envelope,
  kind: z.literal('risk.assess'),
  data: riskAssessmentSchema
    .pick({ likelihood: true, impact: true, residualLikelihood: true, residualImpact: true, note: true })
    .extend({ riskId: id })
    .refine(
      (rating) => (rating.residualLikelihood === null) === (rating.residualImpact === null),
      'Give both the residual likelihood and impact, or neither.',
    ),
})
type Data = z.infer<typeof riskAssessSchema>['data']

const assessmentOf = (data: Data, assessedBy: string, assessedAt: string): RiskAssessment => ({
  quarter: quarterOf(assessedAt),
  likelihood: data.likelihood,
  impact: data.impact,
  residualLikelihood: data.residualLikelihood,
  residualImpact: data.residualImpact,
  ...(data.note ? { note: data.note } : {}),
  assessedBy,
  assessedAt,
})

/** The risk's ratings with this one: the quarter's earlier rating replaced, kept oldest first. */
export function withAssessment(assessments: readonly RiskAssessment[], assessment: RiskAssessment): RiskAssessment[] {
  return [...assessments.filter((a) => a.quarter !== assessment.quarter), assessment].sort((a, b) =>
    a.assessedAt.localeCompare(b.assessedAt),
  )
}

const rated = ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'] as const

export const riskAssess: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.riskId,
  refers(data, refs) {
    refs.planRecordIds.add(data.riskId)
    refs.editedRecordIds.add(data.riskId)
  },
  decide(data, { who, context, madeAt, mutationId }) {
    const found = recordedRecord<Risk>(context, data.riskId, 'risk', (r) => canRateRisk(who, r), {
      missing: 'This risk is not in your organisation’s plans.',
      notAllowed: 'Only the person who rates this risk or a plan admin can rate it.',
      archived: 'This risk is archived. Restore it to rate it.',
    })
    if ('refusal' in found) return refuse(found.refusal)
    const { target, record: risk } = found
    const assessment = assessmentOf(data, who.id, madeAt)
    const history = {
      actionId: null,
      entityType: 'risk',
      entityId: data.riskId,
      change: 'risk.assess',
      details: { ...assessment, previous: risk.assessments.at(-1) ?? null },
    }
    const current = risk.assessments.find((a) => a.quarter === assessment.quarter)
    // Two ratings of one quarter: the one made most recently stands, as with a status.
    if (current && !incomingWins({ madeAt, mutationId }, { madeAt: current.assessedAt, mutationId: '' }))
      return {
        outcome: 'superseded',
        reason: 'A more recent rating of this risk this quarter stands.',
        writes: [],
        history,
      }
    const assessments = withAssessment(risk.assessments, assessment)
    // The latest rating is the risk's current one; an import of an older document leaves it (field_edits).
    const latest = assessments.at(-1)!
    const fields = Object.fromEntries(rated.map((field) => [field, latest[field]]))
    const fieldEdits = {
      ...target.fieldEdits,
      ...Object.fromEntries(rated.map((field) => [field, { madeAt, mutationId }])),
    }
    Object.assign(target.record, fields, { assessments })
    target.fieldEdits = fieldEdits
    return {
      outcome: 'applied',
      writes: [{ kind: 'update', entity: 'risk', id: data.riskId, fields: { ...fields, assessments, fieldEdits } }],
      history,
    }
  },
  async onDevice(data, copy, { authorId, madeAt }) {
    await copy.rateRisk(data.riskId, assessmentOf(data, authorId, madeAt))
  },
  // The rating before it is the server's: the next pull brings it back.
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: (data, titleOf) =>
    `Rating of the risk “${titleOf(data.riskId)}”: likelihood ${data.likelihood}, impact ${data.impact}`,
}
