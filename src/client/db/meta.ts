import type { SessionInfo } from '../../shared/api'
import type { LocalDatabase } from './database'

/** What the device remembers besides records; each key holds one value. */
export interface MetaValues {
  session: SessionInfo
  checkpoint: number
  lastSyncedAt: string
  /** Made once per device database; the server records it against every change. */
  deviceId: string
  /** This device's PIN, as a salted hash, and whether the device is locked (see db/device-lock.ts). */
  deviceLock: DeviceLockRecord
  /** When someone last used the app on this device (ms since 1970), so it can lock after a while unused. */
  lastUsedAt: number
}

/** A PIN kept as PBKDF2 over a random salt (hex): enough to check a PIN, never to read one back. */
export interface PinVerifier {
  algorithm: 'PBKDF2-SHA-256'
  iterations: number
  salt: string
  hash: string
}

export interface DeviceLockRecord {
  verifier: PinVerifier
  locked: boolean
  /** Wrong PINs since the device last unlocked; kept here so that reloading does not reset the count. */
  wrongPins: number
  /** The person chose to sign in again instead, and the server has ended the session the device had. */
  pinForgotten?: boolean
}

export async function readMeta<K extends keyof MetaValues>(
  db: LocalDatabase,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key)
  return row?.value as MetaValues[K] | undefined
}

export async function writeMeta<K extends keyof MetaValues>(
  db: LocalDatabase,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value })
}

export async function deleteMeta(db: LocalDatabase, key: keyof MetaValues): Promise<void> {
  await db.meta.delete(key)
}
