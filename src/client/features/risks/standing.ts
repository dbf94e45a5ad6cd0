import type { Risk } from '../../../shared/entities'
import type { RiskAssessment } from '../../../shared/plan-records'
import {
  bandOf,
  movementOf,
  placedOf,
  scoreOf,
  type Rating,
  type RatedFields,
  type RiskBand,
  type RiskMovement,
} from '../../../shared/monitoring/risk-scores'

export interface Score {
  score: number
  band: RiskBand
}
export const scored = (rating: Rating | undefined): Score | undefined =>
  rating && { score: scoreOf(rating), band: bandOf(scoreOf(rating)) }

export interface Movement {
  movement: RiskMovement
  /** The score it moved from: its rating in the last earlier quarter. */
  from?: number
}

/**
 * How the risk moved since the last quarter it was rated in before its latest rating,
 * judged by the rating the heat map places it by. A rating from the document alone, with
 * none in the app before it, is new. Undefined when it has no rating at all.
 */
export function movementOfRisk(risk: RatedFields & { assessments: readonly RiskAssessment[] }): Movement | undefined {
  const now = placedOf(risk)
  if (!now) return undefined
  const latest = risk.assessments.at(-1)
  const earlier = latest && risk.assessments.filter((assessment) => assessment.quarter !== latest.quarter).at(-1)
  const before = earlier && placedOf(earlier)
  const movement = movementOf(now, before)
  return before ? { movement, from: scoreOf(before) } : { movement }
}

/** A review date that has passed. */
export const reviewOverdue = (risk: Pick<Risk, 'reviewDate'>, today: string) =>
  risk.reviewDate !== null && risk.reviewDate < today
