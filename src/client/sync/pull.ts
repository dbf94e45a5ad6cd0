import type { PullResponse } from '../../shared/sync/protocol'
import { defaultPullLimit } from '../../shared/sync/limits'
import type { LocalDatabase } from '../db/database'
import { applyPullPage } from '../db/apply-pull'
import { readMeta } from '../db/meta'
import { api } from './api'

/** Lets the browser paint and handle input between pages, so no task runs long. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Pulls every change since the device's checkpoint, page by page. Each page is fetched
 * before its transaction opens: awaiting the network inside a Dexie transaction would
 * commit it early.
 */
export async function pullAll(db: LocalDatabase, pageSize = defaultPullLimit): Promise<number> {
  const fetchPage = (since: number) => api<PullResponse>(`/sync/pull?since=${since}&limit=${pageSize}`)
  let page = await fetchPage((await readMeta(db, 'checkpoint')) ?? 0)
  let received = 0
  for (;;) {
    // The next page downloads while this one is written.
    const next = page.hasMore ? fetchPage(page.checkpoint) : undefined
    next?.catch(() => undefined)
    await applyPullPage(db, page)
    received += page.changes.length
    if (!next) return received
    await yieldToBrowser()
    page = await next
  }
}
