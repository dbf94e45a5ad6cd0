import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionInfo } from '../../../shared/api'
import { localDb } from '../../db/database'
import { readMeta, writeMeta } from '../../db/meta'
import { clearLocalData } from '../../db/reset'
import { forgetPin } from '../../db/device-lock'
import { api, onSessionEnded, Unreachable } from '../../sync/api'
import { useSyncStore } from '../../sync/store'

/**
 * Who is using this device. The session is remembered in IndexedDB, so after one
 * online sign-in the app opens as that person with no network at all.
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionInfo>()
  const restored = ref(false)
  const signedIn = computed(() => session.value !== undefined)
  /** The server ended this device's session (from another device, or a plan admin did) and its data has gone. */
  const endedByServer = ref(false)

  async function restore() {
    session.value = await readMeta(localDb, 'session')
    restored.value = true
  }

  async function signIn(email: string, password: string) {
    await begin(await api<SessionInfo>('/auth/sign-in', { method: 'POST', body: { email, password } }))
  }

  /** The organisation's identity provider sent the person back signed in: the server has set the cookie already. */
  async function completeProviderSignIn() {
    await begin(await api<SessionInfo>('/auth/session'))
  }

  /** Makes this device the signed-in person's, and fetches their plan. */
  async function begin(info: SessionInfo) {
    const previous = await readMeta(localDb, 'session')
    // Another person's plan copy never stays on a shared tablet.
    if (previous && previous.person.id !== info.person.id) await clearLocalData(localDb)
    await writeMeta(localDb, 'session', info)
    // A sign-in just proved who this is: they choose a fresh PIN (how a forgotten one is replaced).
    await forgetPin(localDb)
    session.value = info
    endedByServer.value = false
    useSyncStore().reset()
    await useSyncStore().syncNow()
  }

  // Unlike a lapsed session, which keeps everything until the person signs in again: a device
  // is signed out like this when it may be lost, so the organisation's data, unsent changes
  // included, goes at once.
  onSessionEnded(async () => {
    await clearLocalData(localDb)
    session.value = undefined
    useSyncStore().reset()
    endedByServer.value = true
  })

  async function signOut() {
    try {
      await api('/auth/sign-out', { method: 'POST' })
    } catch (error) {
      // Offline: the local data still goes now; the server session ends when it expires.
      if (!(error instanceof Unreachable)) throw error
    }
    await clearLocalData(localDb)
    session.value = undefined
    useSyncStore().reset()
  }

  return { session, restored, signedIn, endedByServer, restore, signIn, completeProviderSignIn, signOut }
})
