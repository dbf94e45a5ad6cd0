/**
 * A risk's likelihood and impact, each 1 to 5, and their product, the score (1 to 25),
 * banded as councils' five-by-five risk matrices band it.
 */
export const likelihoodWords = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const
export const impactWords = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const

export type RiskBand = 'low' | 'medium' | 'high' | 'very high'
export const riskBandWords: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  'very high': 'Very high',
}

export interface Rating {
  likelihood: number
  impact: number
}

export const scoreOf = (rating: Rating) => rating.likelihood * rating.impact

/** A risk's four rating fields, each 1 to 5 or absent (null). */
export interface RatedFields {
  likelihood: number | null
  impact: number | null
  residualLikelihood: number | null
  residualImpact: number | null
}

const ratingOf = (likelihood: number | null, impact: number | null): Rating | undefined =>
  likelihood !== null && impact !== null ? { likelihood, impact } : undefined

/** Before mitigations: absent where neither the document nor anyone in the app rated it. */
export const inherentOf = (rated: RatedFields) => ratingOf(rated.likelihood, rated.impact)
export const residualOf = (rated: RatedFields) => ratingOf(rated.residualLikelihood, rated.residualImpact)
/** The rating a risk is judged by, on the heat map, the dashboard and the report: after its mitigations where rated so, else before them. */
export const placedOf = (rated: RatedFields) => residualOf(rated) ?? inherentOf(rated)

export function bandOf(score: number): RiskBand {
  if (score >= 15) return 'very high'
  if (score >= 10) return 'high'
  if (score >= 5) return 'medium'
  return 'low'
}

/** "Likely (4) × Major (4) = 16, very high". */
export function ratingWords(rating: Rating): string {
  const score = scoreOf(rating)
  return `${likelihoodWords[rating.likelihood - 1]} (${rating.likelihood}) × ${impactWords[rating.impact - 1]} (${rating.impact}) = ${score}, ${riskBandWords[bandOf(score)].toLowerCase()}`
}

export type RiskMovement = 'up' | 'down' | 'same' | 'new'

/** How a risk's score moved from its last rating of an earlier quarter: new if it had none. */
export function movementOf(now: Rating, before: Rating | undefined): RiskMovement {
  if (!before) return 'new'
  const change = scoreOf(now) - scoreOf(before)
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same'
}
