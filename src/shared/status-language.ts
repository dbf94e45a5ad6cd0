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
