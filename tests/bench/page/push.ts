import type { LocalDatabase } from '../../../src/client/db/database'
import { queueChange } from '../../../src/client/sync/outbox'
import { pushAll } from '../../../src/client/sync/push'
import type { WorkStatus } from '../../../src/shared/entities'

/**
 * The push side of the benchmark page: changes queued through the real outbox, sent by
 * the real pushAll. Driven from tests/bench/push-client.ts and photos.ts.
 */

export interface PushTargets {
  /** Actions the signed-in person may post progress on. */
  actionIds: string[]
  /** Milestones whose status the signed-in person may set. */
  milestoneIds: string[]
}

export interface QueueRun {
  ms: number
  queued: number
  progress: number
  statuses: number
}

export interface PushRequest {
  /** Changes (or bytes, for uploads) in the request. */
  size: number
  startedAt: number
  ms: number
  status: number
}

export interface PushRun {
  /** First push request sent → outbox empty (or what is left of it counted). */
  ms: number
  /** The whole pushAll call, from reading the outbox. */
  callMs: number
  sent: number
  pushes: PushRequest[]
  uploads: PushRequest[]
  /** Other requests pushAll made (upload status checks). */
  otherRequests: number
  /** Outbox entries left afterwards: refused ones stay. */
  left: number
  refused: string[]
  longTasks: { startTime: number; duration: number }[]
}

const commentaries = [
  'Panel met this month; two young people moved onto adult services plans.',
  'Waiting for health partners to confirm the joint funding before the next stage.',
  'Protocol draft shared with legal services; comments due back next week.',
  'Training sessions booked for all practitioners in the team.',
  'Short of one social worker after a resignation; recruitment under way.',
  'On track.',
]
const rags = ['green', 'green', 'amber', 'red'] as const
const statuses: WorkStatus[] = ['on-track', 'at-risk', 'on-track', 'complete', 'off-track']

/**
 * Queues `total` changes as a person working through a backlog would: progress updates on
 * their actions and, every `statusEvery`-th change, a status on one of their milestones.
 */
export async function queueChanges(
  db: LocalDatabase,
  personId: string,
  targets: PushTargets,
  total: number,
  statusEvery: number,
): Promise<QueueRun> {
  const start = performance.now()
  let progress = 0
  let statusCount = 0
  for (let i = 0; i < total; i++) {
    if (statusEvery > 0 && i % statusEvery === statusEvery - 1 && targets.milestoneIds.length) {
      const entityId = targets.milestoneIds[statusCount % targets.milestoneIds.length]!
      await queueChange(db, personId, {
        kind: 'status.set',
        data: { entity: 'milestone', entityId, status: statuses[statusCount % statuses.length]! },
      })
      statusCount++
    } else {
      const rag = rags[i % rags.length]!
      const commentary = commentaries[i % commentaries.length]!
      await queueChange(db, personId, {
        kind: 'progress.post',
        data: {
          id: crypto.randomUUID(),
          actionId: targets.actionIds[i % targets.actionIds.length]!,
          rag,
          commentary: rag === 'green' ? commentary : `${commentary} (${i})`,
          setsStatus: false,
        },
      })
      progress++
    }
  }
  return { ms: performance.now() - start, queued: total, progress, statuses: statusCount }
}

function pathOf(input: RequestInfo | URL): string {
  const url = input instanceof Request ? input.url : String(input)
  return new URL(url, location.href).pathname
}

/**
 * Runs pushAll once, watching its requests by wrapping `fetch` (the client's api.ts and
 * upload.ts call the global one): how many, how big, how long each took.
 */
export async function pushOutbox(db: LocalDatabase): Promise<PushRun> {
  const pushes: PushRequest[] = []
  const uploads: PushRequest[] = []
  let otherRequests = 0
  let firstAt: number | undefined
  const original = window.fetch
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = pathOf(input)
    const startedAt = performance.now()
    firstAt ??= startedAt
    const response = await original(input, init)
    const ms = performance.now() - startedAt
    if (path === '/api/sync/push') {
      const size =
        typeof init?.body === 'string' ? (JSON.parse(init.body) as { mutations: unknown[] }).mutations.length : 0
      pushes.push({ size, startedAt, ms, status: response.status })
    } else if (path.endsWith('/chunks')) {
      const size = init?.body instanceof ArrayBuffer ? init.body.byteLength : 0
      uploads.push({ size, startedAt, ms, status: response.status })
    } else otherRequests++
    return response
  }
  const longTasks: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()))
  observer.observe({ type: 'longtask' })
  try {
    const start = performance.now()
    const sent = await pushAll(db)
    const left = await db.outbox.count()
    const end = performance.now()
    const refused = (await db.outbox.where('state').equals('refused').toArray()).map((entry) => entry.reason ?? '')
    await new Promise((resolve) => setTimeout(resolve, 100))
    return {
      ms: end - (firstAt ?? start),
      callMs: end - start,
      sent,
      pushes: pushes.map((p) => ({ ...p, startedAt: p.startedAt - start })),
      uploads: uploads.map((u) => ({ ...u, startedAt: u.startedAt - start })),
      otherRequests,
      left,
      refused,
      longTasks: longTasks
        .filter((task) => task.startTime + task.duration >= start && task.startTime <= end)
        .map((task) => ({ startTime: task.startTime - start, duration: task.duration })),
    }
  } finally {
    observer.disconnect()
    window.fetch = original
  }
}
