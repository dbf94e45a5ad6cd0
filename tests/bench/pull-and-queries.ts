import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startApp } from '../support/app-server'
import { newDeviceContext } from '../support/chromium'
import { openDatabase } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { createSyntheticPlan } from './synthetic-plan'
import type { PullRun } from './page/main'
import { median, round, type Figure } from './report'

const benchDist = resolve('.tmp/bench-dist')
const fullPulls = 3
const queryRuns = 20
/** What typing into search looks like: a common word, two words, the first letter, a typo. */
const queries = ['transition', 'care leavers', 'a', 'transitoin']

const kb = (bytes: number) => round(bytes / 1000, 1)
const summary = (times: number[]) => `p90 ${round(percentile(times, 0.9))} ms, max ${round(Math.max(...times))} ms`
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}

async function setCpuSlowdown(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  await cdp.detach()
}

export async function benchPullAndQueries(browser: Browser, options: { cpuSlowdown?: number } = {}): Promise<{ figures: Figure[]; details: unknown }> {
  execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts'], { stdio: 'inherit' })

  const db = await openDatabase({})
  await migrate(db)
  const seedStart = performance.now()
  const plan = await createSyntheticPlan(db)
  const seedMs = performance.now() - seedStart
  const app = await startApp({ db, staticDir: benchDist, demo: false })
  const context = await newDeviceContext(browser, 'tablet landscape', app.origin)
  try {
    const page = await context.newPage()
    await page.goto('/')
    await page.getByText('Ready').waitFor({ timeout: 20_000 })
    const status = await page.evaluate(([email, password]) => window.bench.signIn(email, password), [plan.email, plan.password])
    if (status !== 200) throw new Error(`Signing in to the synthetic plan answered ${status}`)
    const slowdown = options.cpuSlowdown ?? 1
    if (slowdown !== 1) await setCpuSlowdown(page, slowdown)

    // A device that has never synced pulls everything; the median of a few such pulls.
    const pulls: PullRun[] = []
    for (let i = 0; i < fullPulls; i++) {
      await page.evaluate(() => window.bench.freshDatabase())
      pulls.push(await page.evaluate(() => window.bench.pull()))
    }
    const counts = await page.evaluate(() => window.bench.counts())
    const again = await page.evaluate(() => window.bench.pull())

    const team = await page.evaluate(([id, runs]) => window.bench.timeTeamPriorities(id, runs), [plan.personId, queryRuns + 1] as const)
    const loads = await page.evaluate((runs) => window.bench.loadSearchEntries(runs), 5)
    const searches: { query: string; times: number[]; total: number }[] = []
    for (const query of queries) {
      const result = await page.evaluate(([q, runs]) => window.bench.timeSearch(q, runs), [query, queryRuns + 1] as const)
      searches.push({ query, ...result })
    }

    const typical = pulls.find((p) => p.ms === median(pulls.map((run) => run.ms))) ?? pulls[0]!
    const allLongTasks = pulls.flatMap((run) => run.longTasks)
    const longest = allLongTasks.length ? Math.max(...allLongTasks.map((t) => t.duration)) : null
    const suffix = slowdown === 1 ? '' : `, ${slowdown}x CPU slowdown`
    const syncBench = `Pull sync, synthetic plan${suffix}`
    const queryBench = `Queries on the synthetic plan${suffix}`
    const recordCount = Object.values(plan.counts).reduce((a, b) => a + b, 0)
    // The first call of each query opens tables and warms caches; the median leaves it out.
    const steady = (times: number[]) => times.slice(1)

    const figures: Figure[] = [
      {
        bench: syncBench, name: `Full pull into an empty database, median of ${fullPulls}`, value: median(pulls.map((p) => p.ms)), unit: 'ms', goalAtMost: 2500,
        note: `runs ${pulls.map((p) => Math.round(p.ms)).join(', ')}; ${typical.received.toLocaleString('en-GB')} records in ${typical.requests} requests; waiting on the network ${Math.round(typical.networkMs)} ms of it`,
      },
      {
        bench: syncBench, name: 'Long tasks (> 50 ms) during full pulls, per pull', value: allLongTasks.length / fullPulls, unit: 'count', goalAtMost: 0,
        note: `${allLongTasks.length} in ${fullPulls} pulls${allLongTasks.length ? `; durations ${allLongTasks.map((t) => Math.round(t.duration)).join(', ')} ms` : ''}`,
      },
      { bench: syncBench, name: 'Longest main-thread task during full pulls', value: longest, unit: 'ms', goalAtMost: 50, note: longest === null ? 'none over 50 ms (the long-task API reports only those)' : undefined },
      {
        bench: syncBench, name: 'Full pull, bytes transferred', value: kb(typical.transferBytes), unit: 'KB',
        note: `body ${kb(typical.encodedBodyBytes)} KB as sent, ${kb(typical.decodedBodyBytes)} KB decoded${typical.encodedBodyBytes === typical.decodedBodyBytes ? ' (not compressed)' : ''}`,
      },
      { bench: syncBench, name: 'Second pull, nothing new: time', value: again.ms, unit: 'ms', note: `${again.received} records, ${again.requests} request` },
      { bench: syncBench, name: 'Second pull, nothing new: bytes transferred', value: again.transferBytes, unit: 'bytes', note: `body ${again.encodedBodyBytes} B` },
      {
        bench: queryBench, name: `loadTeamPriorities, median of ${queryRuns}`, value: median(steady(team.times)), unit: 'ms', goalAtMost: 16,
        note: `first call ${round(team.times[0]!)} ms; ${summary(steady(team.times))}; ${team.found.ownProjects} own + ${team.found.priorityProjects} area/organisation projects under ${team.found.themes} priorities`,
      },
      {
        bench: queryBench, name: 'loadSearchEntries (once per visit), median of 5', value: median(loads.times), unit: 'ms',
        note: `${loads.entries.toLocaleString('en-GB')} entries; runs ${loads.times.map((t) => Math.round(t)).join(', ')}`,
      },
      ...searches.map((s): Figure => ({
        bench: queryBench, name: `search '${s.query}', median of ${queryRuns}`, value: median(steady(s.times)), unit: 'ms', goalAtMost: 16,
        note: `${s.total.toLocaleString('en-GB')} matches; ${summary(steady(s.times))}`,
      })),
    ]
    return {
      figures,
      details: {
        syntheticPlan: { counts: plan.counts, records: recordCount, projectsForPerson: plan.projectsForPerson, seedMs },
        localCounts: counts, pulls, secondPull: again, teamPriorities: team, loadSearchEntries: loads, searches,
      },
    }
  } finally {
    await context.close()
    await app.stop()
  }
}
