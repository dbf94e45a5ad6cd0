import type { Measure, Milestone, Rag } from '../entities'
import { measureStanding } from './measure-standing'
import { bandOf, placedOf, scoreOf, type RatedFields, type RiskBand } from './risk-scores'

// How one record is counted by the roll-up, the dashboard and the quarterly report.

/** An action's RAG is its latest progress update's; one with no update yet is counted apart. */
export type ActionRagKey = Rag | 'no update'
export const actionRagKeys: readonly ActionRagKey[] = ['green', 'amber', 'red', 'no update']

/** Where a measure stands (measure-standing.ts): on target (green), near it, off it, or not judged. */
export type MeasureStandingKey = 'green' | 'amber' | 'red' | 'data only' | 'no data'
export const measureStandingKeys: readonly MeasureStandingKey[] = ['green', 'amber', 'red', 'data only', 'no data']

/** A risk's band from its residual rating where it has one, else its inherent rating; unrated apart. */
export type RiskBandKey = RiskBand | 'unrated'
export const riskBandKeys: readonly RiskBandKey[] = ['very high', 'high', 'medium', 'low', 'unrated']

/** The moment a day (an ISO date, UTC) ends: what "by the end of that day" is judged against. */
export const endOfDay = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000

/**
 * A milestone due in the quarter: complete by the end of its due day is met (complete with
 * no time recorded, as imported, counts as met); complete later, or still not complete
 * once its due day has passed, is missed.
 */
export function milestoneOutcome(milestone: Milestone, due: string, endOfToday: number): 'met' | 'missed' | 'open' {
  const endOfDueDay = endOfDay(due)
  if (milestone.status === 'complete') {
    const completedAt = milestone.statusSetAt === null ? null : Date.parse(milestone.statusSetAt)
    return completedAt !== null && completedAt >= endOfDueDay ? 'missed' : 'met'
  }
  return endOfDueDay < endOfToday ? 'missed' : 'open'
}

export function standingKey(measure: Measure, today: string): MeasureStandingKey {
  const standing = measureStanding(measure, today)
  return standing.kind === 'rated' ? standing.rag : standing.kind === 'data-only' ? 'data only' : 'no data'
}

export function riskBandKey(risk: RatedFields): RiskBandKey {
  const placed = placedOf(risk)
  return placed ? bandOf(scoreOf(placed)) : 'unrated'
}
