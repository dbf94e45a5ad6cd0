import Dexie, { liveQuery } from 'dexie'
import { LocalDatabase } from '../../../src/client/db/database'
import { pullAll } from '../../../src/client/sync/pull'
import { loadTeamPriorities, type TeamPriorities } from '../../../src/client/features/my-team/queries'
import { loadSearchEntries } from '../../../src/client/features/search/queries'
import { search, type SearchEntry } from '../../../src/client/features/search/search'
import { pushOutbox, queueChanges, type PushTargets } from './push'
import { queueEdits } from './plan-edits'
import { makePhotos, queuePhotoEvidence, resizedSample, resizePhotos } from './photos'

/**
 * The real client modules, driven from tests/bench/pull-and-queries.ts, push-client.ts
 * and photos.ts through `window.bench`. Every function returns plain data, measured inside the page.
 */
const databaseName = 'golden-thread-bench'
let db = new LocalDatabase(databaseName)
let entries: SearchEntry[] = []

export interface PullRun {
  ms: number
  received: number
  requests: number
  /** Bytes on the wire: headers and body as sent (compressed, if the server compressed). */
  transferBytes: number
  /** Body bytes as sent, and after decompression. */
  encodedBodyBytes: number
  decodedBodyBytes: number
  /** Time spent waiting on the network (request start to last byte), summed over the pages. */
  networkMs: number
  longTasks: { startTime: number; duration: number }[]
}

export interface FirstSyncRun extends PullRun {
  /** When My team first showed what it shows once the sync is over, from the start of the sync. */
  teamUsableMs: number | null
  /** What My team showed then: the projects listed and the priorities they are under. */
  team: { projects: number; priorities: number }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now()
  const result = await work()
  return { ms: performance.now() - start, result }
}

/** What My team lists, as one string: equal strings, the same screen. */
const teamKey = (team: TeamPriorities) =>
  [
    team.teams.map((t) => t.id).join(),
    team.values.length,
    team.ownProjects.map((r) => r.action.id).join(),
    ...team.priorities.map((group) => `${group.theme.id}:${group.projects.map((r) => r.action.id).join()}`),
  ].join('|')

/** Runs a pull, timing it and its requests, and collecting the main thread's long tasks (over 50 ms). */
async function measuredPull(work: () => Promise<number>, started?: (at: number) => void): Promise<PullRun> {
  performance.clearResourceTimings()
  performance.setResourceTimingBufferSize(10_000)
  const longTasks: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()))
  observer.observe({ type: 'longtask' })
  await nextFrame()

  const start = performance.now()
  started?.(start)
  const received = await work()
  const end = performance.now()

  // Long-task entries arrive after their task ends; give the last one time to land.
  await nextFrame()
  await sleep(200)
  observer.disconnect()
  const pulls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => entry.name.includes('/api/sync/pull') && entry.startTime >= start,
  )
  const sum = (pick: (entry: PerformanceResourceTiming) => number) =>
    pulls.reduce((total, entry) => total + pick(entry), 0)
  return {
    ms: end - start,
    received,
    requests: pulls.length,
    transferBytes: sum((e) => e.transferSize),
    encodedBodyBytes: sum((e) => e.encodedBodySize),
    decodedBodyBytes: sum((e) => e.decodedBodySize),
    networkMs: sum((e) => e.responseEnd - e.startTime),
    longTasks: longTasks
      .filter((task) => task.startTime + task.duration >= start && task.startTime <= end)
      .map((task) => ({ startTime: task.startTime - start, duration: task.duration })),
  }
}

const api = {
  async signIn(email: string, password: string): Promise<number> {
    const response = await fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      credentials: 'same-origin',
    })
    return response.status
  },

  /** An empty local database, as on a device that has never synced. */
  async freshDatabase(): Promise<void> {
    db.close()
    await Dexie.delete(databaseName)
    db = new LocalDatabase(databaseName)
    await db.open()
  },

  pull: () => measuredPull(() => pullAll(db)),

  /**
   * A device that has never synced, with My team open while it syncs: the screen's own
   * query, re-run by a live query as each write lands, as the app's useLiveQuery does.
   */
  async firstSync(personId: string): Promise<FirstSyncRun> {
    await api.freshDatabase()
    const shown: { at: number; key: string }[] = []
    let start = performance.now()
    const subscription = liveQuery(() => loadTeamPriorities(db, personId)).subscribe({
      next: (team) => shown.push({ at: performance.now() - start, key: team ? teamKey(team) : '' }),
    })
    try {
      const run = await measuredPull(
        () => pullAll(db),
        (at) => (start = at),
      )
      const final = await loadTeamPriorities(db, personId)
      if (!final) throw new Error(`Person ${personId} is not in the local database after the sync`)
      const key = teamKey(final)
      const usable = shown.find((entry) => entry.key === key)
      return {
        ...run,
        teamUsableMs: usable ? usable.at : null,
        team: {
          projects: final.ownProjects.length + final.priorities.reduce((n, group) => n + group.projects.length, 0),
          priorities: final.priorities.length,
        },
      }
    } finally {
      subscription.unsubscribe()
    }
  },
  async counts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {}
    for (const table of db.tables) counts[table.name] = await table.count()
    return counts
  },

  /** Milliseconds for each of `runs` calls, and what the last one found. */
  async timeTeamPriorities(personId: string, runs: number) {
    const times: number[] = []
    let found: { ownProjects: number; priorityProjects: number; themes: number } | undefined
    for (let i = 0; i < runs; i++) {
      const { ms, result } = await timed(() => loadTeamPriorities(db, personId))
      times.push(ms)
      if (!result) throw new Error(`Person ${personId} is not in the local database`)
      found = {
        ownProjects: result.ownProjects.length,
        priorityProjects: result.priorities.reduce((total, group) => total + group.projects.length, 0),
        themes: result.priorities.length,
      }
      await nextFrame()
    }
    return { times, found: found! }
  },

  async loadSearchEntries(runs: number) {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const { ms, result } = await timed(() => loadSearchEntries(db))
      times.push(ms)
      entries = result
      await nextFrame()
    }
    return { times, entries: entries.length }
  },

  /** Queues changes in the outbox, as a person working offline would. */
  queueChanges: (personId: string, targets: PushTargets, total: number, statusEvery: number) =>
    queueChanges(db, personId, targets, total, statusEvery),
  /** Sends the outbox with the real pushAll, uploads first. */
  pushOutbox: () => pushOutbox(db),
  queueEdits: (personId: string, total: number, round: number) => queueEdits(db, personId, total, round),
  makePhotos,
  resizePhotos,
  resizedSample,
  queuePhotoEvidence: (personId: string, actionId: string) => queuePhotoEvidence(db, personId, actionId),

  /** Searches the entries loaded by `loadSearchEntries`, as typing does. */
  async timeSearch(query: string, runs: number) {
    if (!entries.length) throw new Error('Call loadSearchEntries first')
    const times: number[] = []
    let total = 0
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      total = search(entries, query).total
      times.push(performance.now() - start)
      await nextFrame()
    }
    return { times, total }
  },
}

export type BenchApi = typeof api
declare global {
  interface Window {
    bench: BenchApi
  }
}
window.bench = api
document.getElementById('status')!.textContent = 'Ready'
