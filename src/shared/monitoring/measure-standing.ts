import type { Measure } from '../entities'

/** A measure's figures as its standing is worked out from them. */
export type MeasureFigures = Pick<Measure, 'direction' | 'targets' | 'actuals'> & {
  /** How far short of its target a figure may be and still be amber, in per cent of the target. */
  tolerancePercent: number
}

export type MeasureRag = 'green' | 'amber' | 'red'

export type MeasureStanding =
  | { kind: 'rated'; rag: MeasureRag; actual: number; target: number; period: string }
  /** Figures are recorded but there is nothing to judge them against: no numeric target, or no direction. */
  | { kind: 'data-only'; actual: number; period: string; why: 'no target' | 'no direction' }
  | { kind: 'no data' }

export type DirectionOfTravel = 'improving' | 'worsening' | 'no change'

// Figures are typed in by people: 72.00000001 against a band edge of 72 is the edge.
const epsilon = 1e-9

/**
 * The target the latest figure is judged against: the first target (in the order the
 * plan gives them, soonest first) with a value that is not yet past; once all are past,
 * the last one with a value.
 */
export function targetFor(targets: MeasureFigures['targets'], today: string): number | undefined {
  const valued = targets.filter((target): target is typeof target & { value: number } => target.value !== undefined)
  const current = valued.find((target) => target.by === undefined || target.by >= today)
  return (current ?? valued.at(-1))?.value
}

/**
 * Where a measure stands: its latest figure against its target. Meeting the target is
 * green; short of it by no more than the tolerance (a share of the target) amber; further
 * short red. A measure with no numeric target, or no saying which way is better, is data only.
 */
export function measureStanding(measure: MeasureFigures, today: string): MeasureStanding {
  const latest = measure.actuals.at(-1)
  if (!latest) return { kind: 'no data' }
  const target = targetFor(measure.targets, today)
  if (target === undefined) return { kind: 'data-only', actual: latest.value, period: latest.period, why: 'no target' }
  if (!measure.direction) return { kind: 'data-only', actual: latest.value, period: latest.period, why: 'no direction' }
  const shortBy = measure.direction === 'higher-is-better' ? target - latest.value : latest.value - target
  const band = (Math.abs(target) * measure.tolerancePercent) / 100
  const rag: MeasureRag = shortBy <= epsilon ? 'green' : shortBy <= band + epsilon ? 'amber' : 'red'
  return { kind: 'rated', rag, actual: latest.value, target, period: latest.period }
}

/** Which way the latest figure moved from the one before, judged by the measure's direction; none without both. */
export function directionOfTravel(measure: Pick<MeasureFigures, 'direction' | 'actuals'>): DirectionOfTravel | null {
  const [before, latest] = measure.actuals.slice(-2)
  if (!before || !latest || !measure.direction) return null
  const better = measure.direction === 'higher-is-better' ? latest.value - before.value : before.value - latest.value
  if (Math.abs(better) <= epsilon) return 'no change'
  return better > 0 ? 'improving' : 'worsening'
}
