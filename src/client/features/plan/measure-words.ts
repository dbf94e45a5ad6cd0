import type { Measure } from '../../../shared/entities'
import { formatMonth } from '../../ui/format'

/** A figure in its unit: "77", "87%", "£92.7", "6 days"; its text as written where it has one. */
export function figure(unit: Measure['unit'], point: { value?: number; text?: string }): string {
  const value = point.value === undefined ? undefined : point.value.toLocaleString('en-GB')
  const withUnit =
    value === undefined
      ? undefined
      : unit === 'percent'
        ? `${value}%`
        : unit === 'pounds'
          ? `£${value}`
          : unit === 'days'
            ? `${value} days`
            : value
  if (withUnit && point.text) return `${withUnit} (${point.text})`
  return withUnit ?? point.text ?? ''
}

/** When a figure is for: its date, else its period as written. */
export const when = (point: { date?: string; by?: string; period?: string }) => {
  const date = point.date ?? point.by
  return date ? formatMonth(date) : point.period
}

export const unitWords: Record<Measure['unit'], string> = {
  percent: 'Per cent',
  count: 'Number',
  pounds: 'Pounds',
  days: 'Days',
  score: 'Score',
  rate: 'Rate',
  text: 'In words',
}
