import { randomUUID } from 'node:crypto'

/** What the server-side push benchmarks send: changes as a device makes them, fresh ids every time. */
export interface PushWork {
  actionIds: string[]
  milestoneIds: string[]
}

const commentaries = [
  'Panel met this month; two young people moved onto adult services plans.',
  'Waiting for health partners to confirm the joint funding before the next stage.',
  'Protocol draft shared with legal services; comments due back next week.',
  'Training sessions booked for all practitioners in the team.',
  'Short of one social worker after a resignation; recruitment under way.',
]
const rags = ['green', 'green', 'amber', 'red'] as const
const statuses = ['on-track', 'at-risk', 'on-track', 'complete', 'off-track'] as const

let counter = 0

/**
 * A push body of `size` changes: progress updates on the work's actions and, when
 * `statusEvery` is set, every so often a status on one of its milestones.
 */
export function pushBody(work: PushWork, size: number, deviceId: string, statusEvery = 0): string {
  const madeAt = new Date().toISOString()
  const mutations = Array.from({ length: size }, (_, i) => {
    const n = counter++
    if (statusEvery > 0 && i % statusEvery === statusEvery - 1 && work.milestoneIds.length) {
      return {
        id: randomUUID(), deviceId, madeAt, kind: 'status.set',
        data: { entity: 'milestone', entityId: work.milestoneIds[n % work.milestoneIds.length], status: statuses[n % statuses.length] },
      }
    }
    return {
      id: randomUUID(), deviceId, madeAt, kind: 'progress.post',
      data: { id: randomUUID(), actionId: work.actionIds[n % work.actionIds.length], rag: rags[n % rags.length], commentary: commentaries[n % commentaries.length] },
    }
  })
  return JSON.stringify({ mutations })
}
