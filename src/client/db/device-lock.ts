import type { LocalDatabase } from './database'
import { deleteMeta, readMeta, writeMeta, type DeviceLockRecord, type PinVerifier } from './meta'

/** The PIN and lock state of this device; undefined until a PIN is chosen after sign-in. */
export function readDeviceLock(db: LocalDatabase): Promise<DeviceLockRecord | undefined> {
  return readMeta(db, 'deviceLock')
}

/** Keeps a new PIN's verifier, unlocked, counting from now as the last use. */
export async function savePin(db: LocalDatabase, verifier: PinVerifier, at: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await writeMeta(db, 'deviceLock', { verifier, locked: false, wrongPins: 0 })
    await writeMeta(db, 'lastUsedAt', at)
  })
}

/** Drops the PIN, so that the person chooses a new one: done on every online sign-in. */
export async function forgetPin(db: LocalDatabase): Promise<void> {
  await deleteMeta(db, 'deviceLock')
}

export async function lockDevice(db: LocalDatabase): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const lock = await readDeviceLock(db)
    if (lock && !lock.locked) await writeMeta(db, 'deviceLock', { ...lock, locked: true })
  })
}

export async function unlockDevice(db: LocalDatabase, at: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const lock = await readDeviceLock(db)
    if (lock) await writeMeta(db, 'deviceLock', { verifier: lock.verifier, locked: false, wrongPins: 0 })
    await writeMeta(db, 'lastUsedAt', at)
  })
}

export async function setPinForgotten(db: LocalDatabase, pinForgotten: boolean): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const lock = await readDeviceLock(db)
    if (lock) await writeMeta(db, 'deviceLock', { ...lock, pinForgotten })
  })
}

/**
 * Counts one more wrong PIN and returns the count. Read and write share one transaction,
 * so two tabs entering PINs at once cannot both count from the same number.
 */
export async function countWrongPin(db: LocalDatabase): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const lock = await readDeviceLock(db)
    if (!lock) return 0
    const wrongPins = lock.wrongPins + 1
    await writeMeta(db, 'deviceLock', { ...lock, wrongPins })
    return wrongPins
  })
}

export function readLastUsed(db: LocalDatabase): Promise<number | undefined> {
  return readMeta(db, 'lastUsedAt')
}

export async function saveLastUsed(db: LocalDatabase, at: number): Promise<void> {
  await writeMeta(db, 'lastUsedAt', at)
}
