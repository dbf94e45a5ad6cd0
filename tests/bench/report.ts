import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** One figure a benchmark measured, with the goal it is read against (if it has one). */
export interface Figure {
  bench: string
  name: string
  value: number | null
  unit: 'ms' | 'KB' | 'count' | 'bytes' | 'records' | 'changes/s' | 'sign-ins/s' | '×'
  /** The figure meets its goal when it is at most this. */
  goalAtMost?: number
  /** The figure meets its goal when it is at least this (throughputs). */
  goalAtLeast?: number
  /** Free text shown next to the figure: how it was measured, spread, caveats. */
  note?: string
}

export type Verdict = 'met' | 'MISSED' | 'n/a'

export function verdictOf(figure: Figure): Verdict {
  if (figure.value === null || (figure.goalAtMost === undefined && figure.goalAtLeast === undefined)) return 'n/a'
  const low = figure.goalAtLeast === undefined || figure.value >= figure.goalAtLeast
  const high = figure.goalAtMost === undefined || figure.value <= figure.goalAtMost
  return low && high ? 'met' : 'MISSED'
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The value below which a share `p` (0–1) of the values fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

export const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places

function formatValue(figure: Figure): string {
  if (figure.value === null) return '—'
  const places = figure.unit === '×' ? 2 : figure.unit === 'ms' || figure.unit === 'KB' ? 1 : 0
  return `${round(figure.value, places).toLocaleString('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places })} ${figure.unit}`
}

function formatGoal(figure: Figure): string {
  const goals = [
    ...(figure.goalAtLeast === undefined ? [] : [`≥ ${figure.goalAtLeast.toLocaleString('en-GB')}`]),
    ...(figure.goalAtMost === undefined ? [] : [`≤ ${figure.goalAtMost.toLocaleString('en-GB')}`]),
  ]
  return goals.length ? `${goals.join(', ')} ${figure.unit}` : ''
}

/** A plain-text table, one row per figure, grouped by benchmark. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.bench,
    f.name,
    formatValue(f),
    formatGoal(f),
    verdictOf(f) === 'n/a' ? '' : verdictOf(f),
    f.note ?? '',
  ])
  const header = ['Benchmark', 'Figure', 'Value', 'Goal', 'Verdict', 'Notes']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')]
  let previous = ''
  for (const row of rows) {
    out.push(line([row[0] === previous ? '' : row[0]!, ...row.slice(1)]))
    previous = row[0]!
  }
  return out.join('\n')
}

export function writeResults(path: string, payload: unknown) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(payload, null, 2)}\n`)
}

/** Rejects after `ms`, so no benchmark can hang the run. */
export class TimedOut extends Error {}
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Times pure work on records in memory: a few warm-up calls first, so the timings are of
 * compiled code as on a device that has shown the screen once, then `runs` timed calls.
 */
export function timeWork<T>(runs: number, work: () => T, warmUps = 3) {
  for (let i = 0; i < warmUps; i++) work()
  const times: number[] = []
  let result: T | undefined
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    result = work()
    times.push(performance.now() - start)
  }
  return {
    times,
    ms: median(times),
    result,
    runsInWords: `median of ${runs} runs (min ${round(Math.min(...times))}, max ${round(Math.max(...times))})`,
  }
}
