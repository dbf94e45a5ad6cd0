import type { WorkStatus } from '../../shared/entities'

/** A word and a shape for every status: colour is never the only signal. */
export const statusLabels: Record<WorkStatus, { label: string; symbol: string }> = {
  'not-started': { label: 'Not started', symbol: '○' },
  'on-track': { label: 'On track', symbol: '✓' },
  'at-risk': { label: 'At risk', symbol: '△' },
  'off-track': { label: 'Off track', symbol: '✕' },
  complete: { label: 'Complete', symbol: '●' },
}
