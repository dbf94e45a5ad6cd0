import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { localDb } from '../../db/database'
import { countWrongPin, lockDevice, readDeviceLock, savePin, setPinForgotten, unlockDevice } from '../../db/device-lock'
import { useLiveQuery } from '../../db/live-query'
import { clearLocalData } from '../../db/reset'
import { api } from '../../sync/api'
import { useSessionStore } from '../session/store'
import { makePinVerifier, pinMatches } from './pin-verifier'

/** How long without use before the device locks. */
export const lockAfterMs = 15 * 60 * 1000
export const maxWrongPins = 5

export type DeviceLockStatus = 'loading' | 'needs-pin' | 'locked' | 'open'
export type UnlockOutcome = { unlocked: true } | { unlocked: false; triesLeft: number } | { signedOut: true }

/**
 * The device lock: a PIN chosen after each online sign-in, a lock after a while unused,
 * and a wipe after too many wrong PINs. The state lives in the device database and is
 * watched there, so every tab on the device locks and unlocks together.
 */
export const useDeviceLockStore = defineStore('device-lock', () => {
  const { data: record, isLoading } = useLiveQuery(() => readDeviceLock(localDb))
  /** Set once wrong PINs have wiped the device, until the page is left: says why the data went. */
  const wipedForWrongPins = ref(false)
  let wiping: Promise<void> | undefined

  const status = computed<DeviceLockStatus>(() => {
    if (isLoading.value) return 'loading'
    if (!record.value) return 'needs-pin'
    return record.value.locked ? 'locked' : 'open'
  })

  /** Signing in again instead of the PIN; kept on the device, as a sign-in may leave and come back. */
  const pinForgotten = computed(() => record.value?.pinForgotten === true)

  // The tab may have closed between the last wrong PIN and the wipe, or another tab took the last try.
  watch(record, (value) => {
    if (value && value.wrongPins >= maxWrongPins) void wipeForWrongPins()
  })

  async function choosePin(pin: string): Promise<void> {
    await savePin(localDb, await makePinVerifier(pin), Date.now())
  }

  function lock(): Promise<void> {
    return lockDevice(localDb)
  }

  async function unlock(pin: string): Promise<UnlockOutcome> {
    const current = await readDeviceLock(localDb)
    if (!current?.locked) return { unlocked: true }
    if (await pinMatches(pin, current.verifier)) {
      await unlockDevice(localDb, Date.now())
      return { unlocked: true }
    }
    const wrongPins = await countWrongPin(localDb)
    if (wrongPins < maxWrongPins) return { unlocked: false, triesLeft: maxWrongPins - wrongPins }
    await wipeForWrongPins()
    return { signedOut: true }
  }

  /**
   * A forgotten PIN is replaced by signing in again. The session the device has ends on
   * the server first: while it lived, anyone could "finish" a sign-in they never made
   * (the identity provider's return needs only the cookie) and choose a PIN of their own.
   */
  async function signInAgainInstead(): Promise<void> {
    await api('/auth/sign-out', { method: 'POST' })
    await setPinForgotten(localDb, true)
  }

  function backToPin(): Promise<void> {
    return setPinForgotten(localDb, false)
  }

  /**
   * Whoever has the device may not be its person: their data goes, unsent changes
   * included. The device's copy goes first, as that needs no network; then the session
   * ends, on the server too when it answers.
   */
  function wipeForWrongPins(): Promise<void> {
    wipedForWrongPins.value = true
    wiping ??= clearLocalData(localDb).then(() => useSessionStore().signOut())
    return wiping
  }

  return { status, pinForgotten, wipedForWrongPins, choosePin, lock, unlock, signInAgainInstead, backToPin }
})
