import { addBenchOrganisations, benchPassword } from './bench-organisations'
import { demoAppOnPostgres } from './postgres-demo'
import { median, percentile, round, type Figure } from './report'
import { signInOnce } from './sign-in'

const burstSize = 50
const bursts = 4
const alone = 10

/**
 * Sign-in throughput with Argon2id (19 MiB, 2 passes) on real PostgreSQL: `bursts` bursts of
 * `burstSize` people signing in at the same moment (a team briefing, the start of a shift),
 * each a different account, against `alone` sign-ins one after another.
 */
export async function benchSignInBurst(): Promise<{ figures: Figure[]; details: unknown }> {
  const demo = await demoAppOnPostgres()
  try {
    const people = await addBenchOrganisations(demo.app.db, {
      organisations: 2,
      teamsPerOrganisation: 10,
      peoplePerTeam: Math.ceil((burstSize * bursts + alone) / 20),
      milestonesPerAction: 0,
    })
    const emails = people.map((p) => p.email)
    const statuses: Record<string, number> = {}
    const tally = (status: number) => (statuses[status] = (statuses[status] ?? 0) + 1)

    const single: number[] = []
    for (const email of emails.slice(0, alone)) {
      const result = await signInOnce(demo.app.origin, email, benchPassword)
      tally(result.status)
      single.push(result.ms)
    }
    const latencies: number[] = []
    const rates: number[] = []
    for (let b = 0; b < bursts; b++) {
      const accounts = emails.slice(alone + b * burstSize, alone + (b + 1) * burstSize)
      const start = performance.now()
      const results = await Promise.all(accounts.map((email) => signInOnce(demo.app.origin, email, benchPassword)))
      const seconds = (performance.now() - start) / 1000
      for (const result of results) {
        tally(result.status)
        latencies.push(result.ms)
      }
      rates.push(results.filter((r) => r.status === 200).length / seconds)
    }
    const bench = 'Sign-in with Argon2id, real PostgreSQL'
    const failed = Object.entries(statuses)
      .filter(([status]) => status !== '200')
      .reduce((sum, [, n]) => sum + n, 0)
    return {
      figures: [
        {
          bench,
          name: `Bursts of ${burstSize} at once: sign-ins per second (median of ${bursts})`,
          value: median(rates),
          unit: 'sign-ins/s',
          note: `per burst ${rates.map((r) => round(r)).join(', ')}/s`,
        },
        {
          bench,
          name: `Bursts of ${burstSize}: latency p95`,
          value: percentile(latencies, 0.95),
          unit: 'ms',
          note: `p50 ${round(percentile(latencies, 0.5))} ms, max ${round(Math.max(...latencies))} ms; the last of a burst waits for the ones before it`,
        },
        {
          bench,
          name: `One at a time: latency (median of ${alone})`,
          value: median(single),
          unit: 'ms',
          note: `${round(1000 / median(single))} sign-ins/s one after another`,
        },
        {
          bench,
          name: 'Burst rate ÷ one-at-a-time rate',
          value: median(rates) / (1000 / median(single)),
          unit: '×',
          note: 'what running hashes side by side on the thread pool gains on this machine',
        },
        {
          bench,
          name: 'Sign-ins not answered 200',
          value: failed,
          unit: 'count',
          goalAtMost: 0,
          note: `answers ${JSON.stringify(statuses)}`,
        },
      ],
      details: {
        burstSize,
        bursts,
        statuses,
        rates,
        single,
        latency: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
      },
    }
  } finally {
    await demo.stop()
  }
}
