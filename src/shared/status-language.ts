import type { Rag, WorkStatus } from './entities'

/**
 * One scale for the state of any piece of work. A quarterly RAG is not a second scale:
 * green, amber and red are the colours of on track, at risk and off track.
 */
export const statusOfRag: Record<Rag, WorkStatus> = { green: 'on-track', amber: 'at-risk', red: 'off-track' }

export const statusLanguageText =
  'Every project and milestone is Not started, On track (green), At risk (amber), Off track (red) or Complete. ' +
  'A quarterly update sets a project’s status when its lead, the manager of a team leading it or a plan admin posts it; ' +
  'anyone else’s update is a comment on it.'

/**
 * The words for every status (src/shared/status-language.ts). A status's shape is drawn
 * by the app's StatusLabel.vue, not typed as a character, so it shows on every platform, and colour
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
