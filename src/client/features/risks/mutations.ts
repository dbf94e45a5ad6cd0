import { riskAssessSchema } from '../../../shared/changes/kinds/risk-assess'
import type { Problem } from '../../ui/form-problems'
import { localDb } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { sendSoon } from '../../sync/send-soon'

/** What the rating form holds: a choice not yet made is undefined; a residual left unrated is null. */
export interface RatingInput {
  likelihood: number | undefined
  impact: number | undefined
  residualLikelihood: number | null
  residualImpact: number | null
  note: string
}

/** The id of the control each part of the rating links to from the error summary (a group's first radio). */
export const ratingFieldIds = {
  likelihood: 'rate-likelihood-1',
  impact: 'rate-impact-1',
  residualLikelihood: 'rate-residual-likelihood-none',
  residualImpact: 'rate-residual-impact-none',
  note: 'rate-note',
} as const

const choose = { likelihood: 'Select how likely the risk is', impact: 'Select how great its impact would be' }

export type Rated = { ok: true } | { ok: false; problems: Problem[] }

/**
 * Rates a risk this quarter on the device: checked by the schema the server checks it by,
 * then queued, so the rating shows at once and is sent when there is a connection.
 */
export async function rateRisk(personId: string, riskId: string, input: RatingInput): Promise<Rated> {
  const missing = (['likelihood', 'impact'] as const).filter((field) => input[field] === undefined)
  const checked = riskAssessSchema.shape.data.safeParse({
    riskId,
    ...input,
    likelihood: input.likelihood ?? 1,
    impact: input.impact ?? 1,
    note: input.note.trim() || undefined,
  })
  const problems: Problem[] = [
    ...missing.map((field) => ({ field: ratingFieldIds[field], message: choose[field] })),
    ...(checked.success
      ? []
      : checked.error.issues.map((issue) => ({
          // The rule that residuals come in pairs names no field: it is shown at the first.
          field: ratingFieldIds[(issue.path[0] as keyof typeof ratingFieldIds) ?? 'residualLikelihood'],
          message: issue.message,
        }))),
  ]
  if (problems.length || !checked.success) return { ok: false, problems }
  await queueChange(localDb, personId, { kind: 'risk.assess', data: checked.data })
  sendSoon()
  return { ok: true }
}
