import type { PullResponse } from '../../shared/sync/protocol'
import { defaultPullLimit } from '../../shared/sync/limits'
import type { LocalDatabase } from '../db/database'
import { applyPullPage, positionAfter, readPullPosition, type PullPosition } from '../db/apply-pull'
import { api } from './api'

/** Lets the browser paint and handle input between pages, so no task runs long. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function pullUrl({ checkpoint, essentials }: PullPosition, pageSize: number): string {
  const query = new URLSearchParams({ since: String(checkpoint), limit: String(pageSize) })
  if (essentials) {
    query.set('essentialsSince', String(essentials.checkpoint))
    if (!essentials.complete) query.set('essentialsFirst', 'true')
  }
  return `/sync/pull?${query}`
}

/**
 * Pulls every change since the device's checkpoint, page by page. Each page is fetched
 * before its transaction opens: awaiting the network inside a Dexie transaction would
 * commit it early. A device with nothing yet asks for the essential records first, so My
 * team and the plan work while milestones, updates and history are still coming.
 */
export async function pullAll(db: LocalDatabase, pageSize = defaultPullLimit): Promise<number> {
  let position = await readPullPosition(db)
  if (position.checkpoint === 0 && !position.essentials)
    position = { checkpoint: 0, essentials: { checkpoint: 0, complete: false } }
  const fetchPage = (at: PullPosition) => api<PullResponse>(pullUrl(at, pageSize))
  let page = await fetchPage(position)
  let received = 0
  for (;;) {
    position = positionAfter(position, page)
    // The next page downloads while this one is written.
    const next = page.hasMore ? fetchPage(position) : undefined
    next?.catch(() => undefined)
    await applyPullPage(db, page)
    received += page.changes.length
    if (!next) return received
    await yieldToBrowser()
    page = await next
  }
}
