/**
 * The one rule for a status that two people change: the change made most recently
 * wins, judged by when it was made on the device, not when it reached the server. So
 * the outcome is the same whichever device syncs first. Equal times are settled by the
 * change id, so every server and device agree. A device cannot claim the future: its
 * time is capped at the moment the server receives the change.
 *
 * The losing change is not thrown away: it stays in the history, marked superseded,
 * and its author's device tells them.
 */
export interface StatusStamp {
  madeAt: string
  mutationId: string
}

export function effectiveMadeAt(madeAt: string, receivedAt: string): string {
  return Date.parse(madeAt) > Date.parse(receivedAt) ? receivedAt : madeAt
}

/** True if `incoming` should replace the status last set by `current`. */
export function incomingWins(incoming: StatusStamp, current: StatusStamp | undefined): boolean {
  if (!current) return true
  const difference = Date.parse(incoming.madeAt) - Date.parse(current.madeAt)
  if (difference !== 0) return difference > 0
  return incoming.mutationId > current.mutationId
}

export const statusRuleText =
  'When two people change the same status, the change made most recently wins. Both changes stay in the history.'
