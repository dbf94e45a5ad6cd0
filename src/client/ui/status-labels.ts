import type { WorkStatus } from '../../shared/entities'

/**
 * The words for every status (src/shared/status-language.ts). A status's shape is drawn
 * by StatusLabel.vue, not typed as a character, so it shows on every platform, and colour
 * is never the only signal. `rag` names the colour of the three that have one.
 */
export const statusLabels: Record<WorkStatus, { label: string; rag?: 'green' | 'amber' | 'red'; meaning: string }> = {
  'not-started': { label: 'Not started', meaning: 'work has not begun' },
  'on-track': { label: 'On track', rag: 'green', meaning: 'on track to deliver as planned' },
  'at-risk': { label: 'At risk', rag: 'amber', meaning: 'some risk to delivery; action is being taken' },
  'off-track': { label: 'Off track', rag: 'red', meaning: 'will not deliver as planned without intervention' },
  complete: { label: 'Complete', meaning: 'delivered' },
}

/** "At risk (amber)": where people are used to RAG, the colour's name goes with the words. */
export const statusWithColour = (status: WorkStatus) => {
  const { label, rag } = statusLabels[status]
  return rag ? `${label} (${rag})` : label
}
