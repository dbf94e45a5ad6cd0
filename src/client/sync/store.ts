import { defineStore } from 'pinia'
import { ref } from 'vue'
import { localDb } from '../db/database'
import { readMeta, writeMeta } from '../db/meta'
import { ApiRefusal, Unreachable } from './api'
import { pullAll } from './pull'

/**
 * What the person sees about sync: online or not, when it last worked, what went wrong.
 * `online` is judged from real requests as well as browser events, because
 * `navigator.onLine` says true on any network, captive portals included.
 */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const syncing = ref(false)
  const lastSyncedAt = ref<string>()
  const problem = ref<string>()
  const signedOutOnServer = ref(false)
  let running: Promise<void> | undefined

  async function load() {
    lastSyncedAt.value = await readMeta(localDb, 'lastSyncedAt')
  }

  async function pull() {
    syncing.value = true
    try {
      await pullAll(localDb)
      const now = new Date().toISOString()
      await writeMeta(localDb, 'lastSyncedAt', now)
      lastSyncedAt.value = now
      online.value = true
      problem.value = undefined
      signedOutOnServer.value = false
    } catch (error) {
      if (error instanceof Unreachable) online.value = false
      else if (error instanceof ApiRefusal && error.status === 401) signedOutOnServer.value = true
      else problem.value = error instanceof Error ? error.message : String(error)
    } finally {
      syncing.value = false
    }
  }

  /** Syncs now, or joins the sync already running: never two at once. */
  function syncNow(): Promise<void> {
    running ??= pull().finally(() => (running = undefined))
    return running
  }

  function setOnline(value: boolean) {
    online.value = value
  }

  function reset() {
    lastSyncedAt.value = undefined
    problem.value = undefined
    signedOutOnServer.value = false
  }

  return { online, syncing, lastSyncedAt, problem, signedOutOnServer, load, syncNow, setOnline, reset }
})
