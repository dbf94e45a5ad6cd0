import { signedInOnBenchPage } from './bench-page'
import type { EditsRun } from './page/plan-edits'
import type { PushRun } from './page/push'
import { median, type Figure } from './report'

const edits = 200
const runs = 3

/**
 * A plan admin editing 200 records of the plan with no connection, then syncing: the real
 * outbox and pushAll in Chromium, signed in as the demo admin, against the real server
 * on real PostgreSQL. Each run edits the same records again with new values, as a second
 * round of edits would.
 */
export async function benchPlanEditing(): Promise<{ figures: Figure[]; details: unknown }> {
  const { demo, page, close } = await signedInOnBenchPage('admin@demo.local')
  try {
    await page.evaluate(() => window.bench.pull())
    const adminId = demo.work.ids.person.admin
    const startedAt = new Date().toISOString()
    const results: { queue: EditsRun; push: PushRun }[] = []
    for (let i = 0; i < runs; i++) {
      const queue = await page.evaluate(([person, n, round]) => window.bench.queueEdits(person, n, round), [
        adminId,
        edits,
        i,
      ] as const)
      const push = await page.evaluate(() => window.bench.pushOutbox())
      results.push({ queue, push })
    }
    const history = await demo.app.db.query<{ outcome: string; n: string }>(
      `select change || ' ' || outcome as outcome, count(*) as n from history where person_id = $1 and change like 'record.%' and received_at >= $2 group by change, outcome`,
      [adminId, startedAt],
    )
    const times = results.map((r) => r.push.ms)
    const typical = results.find((r) => r.push.ms === median(times)) ?? results[0]!
    const bench = `Plan editing, ${edits} records edited offline then synced`
    const left = results.reduce((total, r) => total + r.push.left, 0)
    return {
      figures: [
        {
          bench,
          name: `Queueing the edits on the device, median of ${runs}`,
          value: median(results.map((r) => r.queue.ms)),
          unit: 'ms',
          note: Object.entries(typical.queue.byType)
            .map(([type, n]) => `${type}: ${n}`)
            .join(', '),
        },
        {
          bench,
          name: `First push request → outbox empty, median of ${runs}`,
          value: median(times),
          unit: 'ms',
          goalAtMost: 1000,
          note: `runs ${times.map((t) => Math.round(t)).join(', ')}; ${typical.push.pushes.length} requests of ${[...new Set(typical.push.pushes.map((p) => p.size))].join(', ')}; server ${Math.round(typical.push.pushes.reduce((n, p) => n + p.ms, 0))} ms of it`,
        },
        {
          bench,
          name: 'Edits left in the outbox (refused or unsent)',
          value: left,
          unit: 'count',
          goalAtMost: 0,
          note: `server history: ${history.map((h) => `${h.n} ${h.outcome}`).join(', ')}${left ? `; refused: ${[...new Set(results.flatMap((r) => r.push.refused))].join(' | ')}` : ''}`,
        },
      ],
      details: { edits, runs: results, serverHistory: history },
    }
  } finally {
    await close()
  }
}
