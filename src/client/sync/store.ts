import { defineStore } from 'pinia'
import { ref } from 'vue'
import { localDb } from '../db/database'
import { readMeta, writeMeta } from '../db/meta'
import { ApiRefusal, Unreachable } from './api'
import type { UploadProgress } from './upload'
import { withPushLock } from '../pwa/background-sync'

/**
 * The sync engine: every kind of change with its schema, and the pull's checks. Loaded when
 * the first sync starts, not before the first screen, whose budget it would take most of.
 */
const syncEngine = () => Promise.all([import('./pull'), import('./push')])

const maxBackoff = 5 * 60 * 1000
/** How long "2 changes sent" stays up after they went, unless another sync replaces it sooner. */
export const sentNoticeMs = 2 * 60 * 1000

/** 2 s, 4 s, 8 s … up to 5 minutes, each with up to a third again at random, so devices don't retry in step. */
export function backoffDelay(failures: number, random = Math.random): number {
  const base = Math.min(maxBackoff, 2000 * 2 ** Math.max(0, failures - 1))
  return Math.round(base * (1 + random() / 3))
}

/**
 * What the person sees about sync: online or not, when it last worked, what went wrong,
 * files going up, how many changes the last sync sent. `online` is judged from real
 * requests as well as browser events, because `navigator.onLine` says true on any
 * network, captive portals included, and while the server is down.
 */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const syncing = ref(false)
  const lastSyncedAt = ref<string>()
  const problem = ref<string>()
  const signedOutOnServer = ref(false)
  const uploads = ref<Record<string, UploadProgress>>({})
  /** Changes the most recent sync that sent any delivered, for "2 changes sent"; cleared after a while or when a sync fails. */
  const sent = ref<number>()
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let sentTimer: ReturnType<typeof setTimeout> | undefined

  function setSent(count: number | undefined) {
    clearTimeout(sentTimer)
    sent.value = count
    if (count) sentTimer = setTimeout(() => (sent.value = undefined), sentNoticeMs)
  }
  let running: Promise<number> | undefined

  async function load() {
    lastSyncedAt.value = await readMeta(localDb, 'lastSyncedAt')
  }

  function scheduleRetry() {
    clearTimeout(retryTimer)
    failures += 1
    retryTimer = setTimeout(() => void syncNow(), backoffDelay(failures))
  }

  /** Returns how many changes it delivered. */
  async function run(): Promise<number> {
    syncing.value = true
    let delivered = 0
    try {
      const [{ pullAll }, { pushAll }] = await syncEngine()
      // Push first, so the pull that follows brings back the server's copy of our own changes.
      delivered = await withPushLock(() =>
        pushAll(localDb, (progress) => {
          uploads.value = { ...uploads.value, [progress.id]: progress }
        }),
      )
      // Said as soon as the server has them, whatever happens to the pull.
      if (delivered) {
        setSent(delivered)
        online.value = true
      }
      await pullAll(localDb)
      const now = new Date().toISOString()
      await writeMeta(localDb, 'lastSyncedAt', now)
      lastSyncedAt.value = now
      online.value = true
      problem.value = undefined
      signedOutOnServer.value = false
      failures = 0
      uploads.value = {}
    } catch (error) {
      if (error instanceof Unreachable) {
        online.value = false
        if (!delivered) setSent(undefined)
        scheduleRetry()
      } else if (error instanceof ApiRefusal && error.status === 401) {
        // Paused, not dropped: the outbox waits until the person signs in again. Unless the
        // session was ended, when refusalOf() has already removed the organisation's data.
        if (error.code !== 'session_ended') signedOutOnServer.value = true
      } else {
        problem.value = error instanceof Error ? error.message : String(error)
        scheduleRetry()
      }
    } finally {
      syncing.value = false
    }
    return delivered
  }

  /** Syncs now, or joins the sync already running: never two at once. Resolves to the changes it delivered. */
  function syncNow(): Promise<number> {
    running ??= run().finally(() => (running = undefined))
    return running
  }

  function setOnline(value: boolean) {
    online.value = value
  }

  function reset() {
    clearTimeout(retryTimer)
    setSent(undefined)
    failures = 0
    lastSyncedAt.value = undefined
    problem.value = undefined
    signedOutOnServer.value = false
    uploads.value = {}
  }

  return { online, syncing, lastSyncedAt, problem, signedOutOnServer, uploads, sent, load, syncNow, setOnline, reset }
})
