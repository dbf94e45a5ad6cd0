import { randomUUID } from 'node:crypto'

/** What the server-side push benchmarks send: changes as a device makes them, fresh ids every time. */
export interface PushWork {
  actionIds: string[]
  milestoneIds: string[]
}

/** How often, among a push's changes, a device sets a milestone's status or adds a note of evidence (0: never). */
export interface PushMix {
  statusEvery?: number
  evidenceEvery?: number
}

const commentaries = [
  'Panel met this month; two young people moved onto adult services plans.',
  'Waiting for health partners to confirm the joint funding before the next stage.',
  'Protocol draft shared with legal services; comments due back next week.',
  'Training sessions booked for all practitioners in the team.',
  'Short of one social worker after a resignation; recruitment under way.',
]
const notes = [
  'Minutes of the monthly panel.',
  'Signed-off protocol, version 3.',
  'Attendance list from the training day.',
]
const rags = ['green', 'green', 'amber', 'red'] as const
const statuses = ['on-track', 'at-risk', 'on-track', 'complete', 'off-track'] as const

let counter = 0

/**
 * A push body of `size` changes: progress updates on the work's actions and, as `mix`
 * says, every so often a status on one of its milestones or a note of evidence.
 */
export function pushBody(work: PushWork, size: number, deviceId: string, mix: PushMix = {}): string {
  const madeAt = new Date().toISOString()
  const every = (n: number | undefined, i: number) => n !== undefined && n > 0 && i % n === n - 1
  const mutations = Array.from({ length: size }, (_, i) => {
    const n = counter++
    const actionId = work.actionIds[n % work.actionIds.length]
    if (every(mix.statusEvery, i) && work.milestoneIds.length) {
      return {
        id: randomUUID(),
        deviceId,
        madeAt,
        kind: 'status.set',
        data: {
          entity: 'milestone',
          entityId: work.milestoneIds[n % work.milestoneIds.length],
          status: statuses[n % statuses.length],
        },
      }
    }
    if (every(mix.evidenceEvery, i)) {
      return {
        id: randomUUID(),
        deviceId,
        madeAt,
        kind: 'evidence.add',
        data: { id: randomUUID(), actionId, milestoneId: null, note: notes[n % notes.length], attachments: [] },
      }
    }
    return {
      id: randomUUID(),
      deviceId,
      madeAt,
      kind: 'progress.post',
      data: {
        id: randomUUID(),
        actionId,
        rag: rags[n % rags.length],
        commentary: commentaries[n % commentaries.length],
      },
    }
  })
  return JSON.stringify({ mutations })
}
