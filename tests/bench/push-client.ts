import { signedInOnBenchPage } from './bench-page'
import type { PushRun, QueueRun } from './page/push'
import { median, round, type Figure } from './report'

const changes = 1_000
/** Every fourth change is a milestone status; the rest are progress updates. */
const statusEvery = 4
const runs = 3

/**
 * A device coming back online with 1,000 changes queued: the real outbox and pushAll in
 * Chromium, signed in as the demo manager, against the real server on real PostgreSQL.
 */
export async function benchClientPush(): Promise<{ figures: Figure[]; details: unknown }> {
  const { demo, page, close } = await signedInOnBenchPage()
  try {
    // The device holds the plan, as it would after its first sync.
    await page.evaluate(() => window.bench.pull())

    const targets = { actionIds: demo.work.actionIds, milestoneIds: demo.work.milestoneIds }
    const results: { queue: QueueRun; push: PushRun }[] = []
    const startedAt = new Date().toISOString()
    for (let i = 0; i < runs; i++) {
      const queue = await page.evaluate(([person, t, n, every]) => window.bench.queueChanges(person, t, n, every), [
        demo.work.managerId,
        targets,
        changes,
        statusEvery,
      ] as const)
      const push = await page.evaluate(() => window.bench.pushOutbox())
      results.push({ queue, push })
    }
    const history = await demo.app.db.query<{ outcome: string; n: string }>(
      'select outcome, count(*) as n from history where person_id = $1 and received_at >= $2 group by outcome',
      [demo.work.managerId, startedAt],
    )

    const times = results.map((r) => r.push.ms)
    const typical = results.find((r) => r.push.ms === median(times)) ?? results[0]!
    const serverMs = typical.push.pushes.reduce((total, p) => total + p.ms, 0)
    const sizes = [...new Set(typical.push.pushes.map((p) => p.size))]
    const longTasks = results.flatMap((r) => r.push.longTasks)
    const left = results.reduce((total, r) => total + r.push.left, 0)
    const bench = `Client push, ${changes.toLocaleString('en-GB')} queued changes`
    return {
      figures: [
        {
          bench,
          name: `First push request → outbox empty, median of ${runs}`,
          value: median(times),
          unit: 'ms',
          goalAtMost: 1000,
          note: `runs ${times.map((t) => Math.round(t)).join(', ')}; waiting on the server ${Math.round(serverMs)} ms of it, the rest is the outbox in IndexedDB; ${changes - changes / statusEvery} progress updates on K9/K8 + ${changes / statusEvery} statuses on K9's milestones`,
        },
        {
          bench,
          name: 'Push requests per 1,000 changes',
          value: typical.push.pushes.length,
          unit: 'count',
          note: `batch size ${sizes.join(', ')} (push.ts); request times ${typical.push.pushes.map((p) => Math.round(p.ms)).join(', ')} ms`,
        },
        {
          bench,
          name: 'Changes left in the outbox (refused or unsent)',
          value: left,
          unit: 'count',
          goalAtMost: 0,
          note: `server history: ${history.map((h) => `${h.n} ${h.outcome}`).join(', ')}${left ? `; refused: ${[...new Set(results.flatMap((r) => r.push.refused))].join(' | ')}` : ''}`,
        },
        {
          bench,
          name: 'Long tasks (> 50 ms) while pushing, per push',
          value: longTasks.length / runs,
          unit: 'count',
          note: longTasks.length ? `longest ${Math.round(Math.max(...longTasks.map((t) => t.duration)))} ms` : 'none',
        },
        {
          bench,
          name: 'Queueing them, one queueChange each (for information)',
          value: median(results.map((r) => r.queue.ms)),
          unit: 'ms',
          note: `${round(median(results.map((r) => r.queue.ms)) / changes, 2)} ms per change`,
        },
      ],
      details: { changes, statusEvery, runs: results, serverHistory: history },
    }
  } finally {
    await close()
  }
}
