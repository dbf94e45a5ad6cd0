import { formatMoment } from '../../ui/format'

/** What the device knows about sync at a moment, as the sync store and the outbox tell it. */
export interface SyncFacts {
  /** Judged from requests that failed as well as browser events: see sync/store.ts. */
  online: boolean
  syncing: boolean
  /** Changes in the outbox waiting to be sent. */
  waiting: number
  lastSyncedAt: string | undefined
}

export const changesText = (count: number) => (count === 1 ? '1 change' : `${count} changes`)
export const waitingText = (count: number) => `${changesText(count)} waiting`
export const sentText = (count: number) => `${changesText(count)} sent`

/**
 * The header's line beside "Online" or "Offline". Offline it never says it is sending or
 * syncing: nothing can go until there is a connection, so changes wait for one.
 */
export function syncLine(facts: SyncFacts, now = new Date()): string {
  if (!facts.online && facts.waiting) return 'Waiting for a connection'
  if (facts.online && facts.syncing) return facts.waiting ? `Sending ${changesText(facts.waiting)}…` : 'Syncing…'
  return facts.lastSyncedAt ? `Last synced ${formatMoment(facts.lastSyncedAt, now)}` : 'Not synced yet'
}

/** What came of pressing "Sync now". */
export interface SyncNowResult {
  online: boolean
  /** Changes this sync delivered. */
  sent: number
  /** Still waiting once it finished. */
  waiting: number
  failed: boolean
  signedOut: boolean
}

/** What pressing "Sync now" found, said plainly in a live region next to the button. */
export function syncNowReply(result: SyncNowResult): string {
  if (result.signedOut)
    return 'Your session has ended. Sign in again to send your changes; they are kept on this device.'
  if (!result.online) {
    return result.waiting
      ? 'No connection. Your changes are kept on this device and will be sent when it has one.'
      : 'No connection. Nothing is waiting to be sent; the plan will update when this device has one.'
  }
  if (result.failed)
    return 'The sync did not finish. Your changes are kept on this device, and it will try again by itself.'
  const sent = result.sent ? `${sentText(result.sent)}. ` : ''
  if (result.waiting) return `${sent}${waitingText(result.waiting)}, to be sent next.`
  return `${sent}Everything on this device has reached the server.`
}
