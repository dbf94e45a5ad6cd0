import { defaultPullLimit, type PullResponse } from '../../shared/sync/protocol'
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
  let since = (await readMeta(db, 'checkpoint')) ?? 0
  let received = 0
  for (;;) {
    const page = await api<PullResponse>(`/sync/pull?since=${since}&limit=${pageSize}`)
    await applyPullPage(db, page)
    received += page.changes.length
    if (!page.hasMore) return received
    since = page.checkpoint
    await yieldToBrowser()
  }
}
