import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database'
import type { DeviceKind } from '../../shared/delivery-records'
import type { Mutation } from '../../shared/sync/mutations'
import type { Viewer } from '../auth/viewer'
import { applyPush } from '../mutations/apply'

export interface DemoChange {
  madeAt: string
  kind: Mutation['kind']
  data: Record<string, unknown>
}

/**
 * Applies demo changes as `who` made them, through the same apply step as a device's
 * push, so statuses, figures, history and audit agree. A refusal is a mistake in the demo data.
 */
export async function pushDemoChanges(
  db: Database,
  who: Viewer,
  changes: DemoChange[],
  deviceKind: DeviceKind | null = null,
): Promise<void> {
  const mutations = changes.map((change) => ({ id: randomUUID(), deviceId: 'demo-data', ...change }))
  const results = await applyPush(db, who, mutations, deviceKind)
  const refused = results.filter((r) => r.outcome === 'refused')
  if (refused.length) throw new Error(`Demo changes were refused: ${JSON.stringify(refused)}`)
}
