import { bandOf, placedOf, type RiskBand } from '../../../shared/monitoring/risk-scores'
import type { Risk } from '../../../shared/entities'

export interface HeatCell<R> {
  likelihood: number
  impact: number
  score: number
  band: RiskBand
  risks: R[]
}

const scale = [1, 2, 3, 4, 5] as const

/**
 * The five-by-five grid as a risk matrix is read: most likely at the top, impact growing to
 * the right. Each risk sits in the cell of its residual rating where it has one, else its
 * inherent one; those with neither are left out, for the table to say "Not rated".
 */
export function heatMapOf<R extends { risk: Risk }>(rows: readonly R[]): HeatCell<R>[][] {
  return [...scale].reverse().map((likelihood) =>
    scale.map((impact) => ({
      likelihood,
      impact,
      score: likelihood * impact,
      band: bandOf(likelihood * impact),
      risks: rows.filter((row) => {
        const placed = placedOf(row.risk)
        return placed?.likelihood === likelihood && placed.impact === impact
      }),
    })),
  )
}
