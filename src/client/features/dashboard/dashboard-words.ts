import type { ActionRagKey, MeasureStandingKey, RiskBandKey } from '../../../shared/monitoring/count-keys'
import { quarterDates } from '../../../shared/sync/quarter-dates'
import { formatDay, formatMoment } from '../../ui/format'

/** Words for every count, so no figure is told by its colour alone. */
export const actionRagWords: Record<ActionRagKey, string> = {
  green: 'Green (on track)',
  amber: 'Amber (at risk)',
  red: 'Red (off track)',
  'no update': 'No update yet',
}

export const measureStandingWords: Record<MeasureStandingKey, string> = {
  green: 'On target (green)',
  amber: 'Near target (amber)',
  red: 'Off target (red)',
  'data only': 'Data only, no target',
  'no data': 'No figures yet',
}

export const riskBandWords: Record<RiskBandKey, string> = {
  'very high': 'Very high',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  unrated: 'Not rated',
}

/** "2026/27 Q3, 1 October to 31 December 2026". */
export function quarterWords(quarter: string): string {
  const { start, end } = quarterDates(quarter)
  const first = formatDay(start)
  return `${quarter}, ${start.slice(0, 4) === end.slice(0, 4) ? first.replace(/ \d{4}$/, '') : first} to ${formatDay(end)}`
}

/** How fresh the figures are: the device's copy is as new as its last sync. */
export function freshnessWords(lastSyncedAt: string | undefined, now = new Date()): string {
  return lastSyncedAt
    ? `Figures as at the last sync, ${formatMoment(lastSyncedAt, now)}.`
    : 'This device has not synced yet: these figures are only what it holds.'
}
