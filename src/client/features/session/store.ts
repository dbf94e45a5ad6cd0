import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionInfo } from '../../../shared/api'
import { localDb } from '../../db/database'
import { readMeta, writeMeta } from '../../db/meta'
import { clearLocalData } from '../../db/reset'
import { api, Unreachable } from '../../sync/api'
import { useSyncStore } from '../../sync/store'

/**
 * Who is using this device. The session is remembered in IndexedDB, so after one
 * online sign-in the app opens as that person with no network at all.
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionInfo>()
  const restored = ref(false)
  const signedIn = computed(() => session.value !== undefined)

  async function restore() {
    session.value = await readMeta(localDb, 'session')
    restored.value = true
  }

  async function signIn(email: string, password: string) {
    const info = await api<SessionInfo>('/auth/sign-in', { method: 'POST', body: { email, password } })
    const previous = await readMeta(localDb, 'session')
    // Another person's plan copy never stays on a shared tablet.
    if (previous && previous.person.id !== info.person.id) await clearLocalData(localDb)
    await writeMeta(localDb, 'session', info)
    session.value = info
    useSyncStore().reset()
    await useSyncStore().syncNow()
  }

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

  return { session, restored, signedIn, restore, signIn, signOut }
})
