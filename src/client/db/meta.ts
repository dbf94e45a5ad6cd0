import type { SessionInfo } from '../../shared/api'
import type { LocalDatabase } from './database'

/** What the device remembers besides records; each key holds one value. */
export interface MetaValues {
  session: SessionInfo
  checkpoint: number
  lastSyncedAt: string
  /** Made once per device database; the server records it against every change. */
  deviceId: string
}

export async function readMeta<K extends keyof MetaValues>(db: LocalDatabase, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key)
  return row?.value as MetaValues[K] | undefined
}

export async function writeMeta<K extends keyof MetaValues>(db: LocalDatabase, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value })
}
