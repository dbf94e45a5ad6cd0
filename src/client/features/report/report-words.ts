import type { ReportAction, QuarterlyReport } from '../../../shared/monitoring/quarterly-report-schema'
import { quarterBefore } from '../../../shared/sync/quarter'
import { formatDay } from '../../ui/format'
import { figure } from '../plan/measure-words'

/** "K8 Improve the provision of occupational therapy". */
export const reportActionName = (action: ReportAction) => [action.code, action.title].filter(Boolean).join(' ')

export const milestoneOutcomeWords: Record<QuarterlyReport['milestones']['items'][number]['outcome'], string> = {
  met: 'Met',
  missed: 'Missed',
  open: 'Not due yet or still open',
}

export const directionWords: Record<NonNullable<QuarterlyReport['measures'][number]['direction']>, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  'no change': 'No change',
}

/** How a risk's score moved since the quarter before: "Up from 9", never an arrow alone. */
export function movementWords(risk: QuarterlyReport['risks'][number]): string {
  switch (risk.movement) {
    case null:
      return 'Not rated'
    case 'new':
      return 'New: no earlier rating'
    case 'same':
      return 'No change'
    case 'up':
      return `Up from ${risk.previousScore}`
    case 'down':
      return `Down from ${risk.previousScore}`
  }
}

/** The quarters the picker offers: this one and the seven before it, newest first, with the one shown if it is older. */
export function quarterChoices(current: string, shown: string): string[] {
  const choices = [current]
  while (choices.length < 8) choices.push(quarterBefore(choices.at(-1)!))
  return choices.includes(shown) ? choices : [...choices, shown]
}

/** A measure's figure in its unit, or a dash where there is none. */
export const measureFigure = (unit: QuarterlyReport['measures'][number]['unit'], value: number | null) =>
  value === null ? '—' : figure(unit, { value })

/** "4 × 3 = 12", or "Not rated". */
export const ratingInWords = (value: { likelihood: number; impact: number } | null) =>
  value ? `${value.likelihood} × ${value.impact} = ${value.likelihood * value.impact}` : 'Not rated'

export const updatedOn = (iso: string) => formatDay(iso.slice(0, 10))
export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`
