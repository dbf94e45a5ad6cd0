import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { startApp } from '../support/app-server'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { pullChanges } from '../../src/server/db/pull'
import { adminReader } from '../support/pull-reader'
import { defaultPullLimit } from '../../src/shared/sync/protocol'
import { benchDist, buildBenchPage } from './bench-page'
import { openDeviceProfile } from './device'
import { createSyntheticPlan } from './synthetic-plan'
import type { PullRun } from './page/main'
import { median, percentile, round, type Figure } from './report'

const fullPulls = 3
const queryRuns = 20
/** What typing into search looks like: a common word, two words, the first letter, a typo. */
const queries = ['transition', 'care leavers', 'a', 'transitoin']
const tabletSlowdown = 4

const kb = (bytes: number) => round(bytes / 1000, 1)
const summary = (times: number[]) => `p90 ${round(percentile(times, 0.9))} ms, max ${round(Math.max(...times))} ms`

/** Slows the page's CPU until the returned session is detached (detaching lifts it). */
async function slowCpu(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return cdp
}

/** The server's share of a full pull: every page of `pullChanges`, straight on the database, no HTTP. */
export async function serverPullTime(db: Database, orgId: string) {
  const start = performance.now()
  let since = 0
  let pages = 0
  let bytes = 0
  const bodies: string[] = []
  for (;;) {
    const page = await pullChanges(db, adminReader(orgId), { since, limit: defaultPullLimit })
    pages++
    const body = JSON.stringify(page)
    bytes += Buffer.byteLength(body)
    bodies.push(body)
    if (!page.hasMore) break
    since = page.checkpoint
  }
  const ms = performance.now() - start
  // What the same pages weigh gzipped, as the server sends them.
  const gzipBytes = bodies.reduce((total, body) => total + gzipSync(body).length, 0)
  return { ms, pages, bytes, gzipBytes }
}

interface QueryTimes {
  team: { times: number[]; found: { ownProjects: number; priorityProjects: number; themes: number } }
  searches: { query: string; times: number[]; total: number }[]
}

async function timeQueries(page: Page, personId: string, searchQueries: string[]): Promise<QueryTimes> {
  const team = await page.evaluate(([id, runs]) => window.bench.timeTeamPriorities(id, runs), [
    personId,
    queryRuns + 1,
  ] as const)
  const searches: QueryTimes['searches'] = []
  for (const query of searchQueries) {
    const result = await page.evaluate(([q, runs]) => window.bench.timeSearch(q, runs), [query, queryRuns + 1] as const)
    searches.push({ query, ...result })
  }
  return { team, searches }
}

export async function benchPullAndQueries(): Promise<{ figures: Figure[]; details: unknown }> {
  buildBenchPage()

  const db = await openDatabase({})
  await migrate(db)
  const seedStart = performance.now()
  const plan = await createSyntheticPlan(db)
  const seedMs = performance.now() - seedStart
  const app = await startApp({ db, staticDir: benchDist, demo: false })
  const device = await openDeviceProfile(app.origin)
  const { context } = device
  try {
    const page = await context.newPage()
    await page.goto('/')
    await page.getByText('Ready').waitFor({ timeout: 20_000 })
    const status = await page.evaluate(([email, password]) => window.bench.signIn(email, password), [
      plan.email,
      plan.password,
    ] as const)
    if (status !== 200) throw new Error(`Signing in to the synthetic plan answered ${status}`)

    // A device that has never synced pulls everything; the median of a few such pulls.
    const pulls: PullRun[] = []
    for (let i = 0; i < fullPulls; i++) {
      await page.evaluate(() => window.bench.freshDatabase())
      pulls.push(await page.evaluate(() => window.bench.pull()))
    }
    const counts = await page.evaluate(() => window.bench.counts())
    const again = await page.evaluate(() => window.bench.pull())

    const loads = await page.evaluate((runs) => window.bench.loadSearchEntries(runs), 5)
    const { team, searches } = await timeQueries(page, plan.personId, queries)
    // The same on a slower device, for information: a mid-range tablet is several times slower.
    const throttle = await slowCpu(page, tabletSlowdown)
    const slowLoad = await page.evaluate((runs) => window.bench.loadSearchEntries(runs), 1)
    const slow = await timeQueries(page, plan.personId, [queries[0]!, 'a'])
    await throttle.detach()
    const server = await serverPullTime(db, plan.orgId)

    const typical = pulls.find((p) => p.ms === median(pulls.map((run) => run.ms))) ?? pulls[0]!
    const allLongTasks = pulls.flatMap((run) => run.longTasks)
    const longest = allLongTasks.length ? Math.max(...allLongTasks.map((t) => t.duration)) : null
    const syncBench = 'Pull sync, synthetic plan'
    const queryBench = 'Queries on the synthetic plan'
    const slowBench = `Same queries, ${tabletSlowdown}x CPU slowdown`
    const recordCount = Object.values(plan.counts).reduce((a, b) => a + b, 0)
    // The first call of each query opens tables and warms caches; the median leaves it out.
    const steady = (times: number[]) => times.slice(1)

    const figures: Figure[] = [
      {
        bench: syncBench,
        name: `Full pull into an empty database, median of ${fullPulls}`,
        value: median(pulls.map((p) => p.ms)),
        unit: 'ms',
        goalAtMost: 2500,
        note: `runs ${pulls.map((p) => Math.round(p.ms)).join(', ')}; ${typical.received.toLocaleString('en-GB')} records in ${typical.requests} requests; waiting on the network ${Math.round(typical.networkMs)} ms of it`,
      },
      {
        bench: syncBench,
        name: 'Long tasks (> 50 ms) during full pulls, per pull',
        value: allLongTasks.length / fullPulls,
        unit: 'count',
        goalAtMost: 0,
        note: `${allLongTasks.length} in ${fullPulls} pulls${allLongTasks.length ? `; durations ${allLongTasks.map((t) => Math.round(t.duration)).join(', ')} ms` : ''}`,
      },
      {
        bench: syncBench,
        name: 'Longest main-thread task during full pulls',
        value: longest,
        unit: 'ms',
        goalAtMost: 50,
        note: longest === null ? 'none over 50 ms (the long-task API reports only those)' : undefined,
      },
      {
        bench: syncBench,
        name: 'Full pull, bytes transferred',
        value: kb(typical.transferBytes),
        unit: 'KB',
        note: `body ${kb(typical.encodedBodyBytes)} KB as sent, ${kb(typical.decodedBodyBytes)} KB decoded${typical.encodedBodyBytes === typical.decodedBodyBytes ? ' (not compressed)' : ''}`,
      },
      {
        bench: syncBench,
        name: 'Server share: pullChanges for every page',
        value: server.ms,
        unit: 'ms',
        note: `${server.pages} pages on PGlite, no HTTP; ${kb(server.bytes)} KB of JSON, ${kb(server.gzipBytes)} KB if gzipped`,
      },
      {
        bench: syncBench,
        name: 'Second pull, nothing new: time',
        value: again.ms,
        unit: 'ms',
        note: `${again.received} records, ${again.requests} request`,
      },
      {
        bench: syncBench,
        name: 'Second pull, nothing new: bytes transferred',
        value: again.transferBytes,
        unit: 'bytes',
        note: `body ${again.encodedBodyBytes} B`,
      },
      {
        bench: queryBench,
        name: `loadTeamPriorities, median of ${queryRuns}`,
        value: median(steady(team.times)),
        unit: 'ms',
        goalAtMost: 16,
        note: `first call ${round(team.times[0]!)} ms; ${summary(steady(team.times))}; ${team.found.ownProjects} own + ${team.found.priorityProjects} area/organisation projects under ${team.found.themes} priorities`,
      },
      {
        bench: queryBench,
        name: 'loadSearchEntries (once per visit), median of 5',
        value: median(loads.times),
        unit: 'ms',
        note: `${loads.entries.toLocaleString('en-GB')} entries; runs ${loads.times.map((t) => Math.round(t)).join(', ')}`,
      },
      ...searches.map((s): Figure => ({
        bench: queryBench,
        name: `search '${s.query}', median of ${queryRuns}`,
        value: median(steady(s.times)),
        unit: 'ms',
        goalAtMost: 16,
        note: `${s.total.toLocaleString('en-GB')} matches; ${summary(steady(s.times))}`,
      })),
      {
        bench: slowBench,
        name: 'loadTeamPriorities, median',
        value: median(steady(slow.team.times)),
        unit: 'ms',
        note: `for information; ${summary(steady(slow.team.times))}`,
      },
      {
        bench: slowBench,
        name: 'loadSearchEntries, once',
        value: slowLoad.times[0]!,
        unit: 'ms',
        note: 'for information; one long task on opening search',
      },
      ...slow.searches.map((s): Figure => ({
        bench: slowBench,
        name: `search '${s.query}', median`,
        value: median(steady(s.times)),
        unit: 'ms',
        note: `for information; ${summary(steady(s.times))}`,
      })),
    ]
    return {
      figures,
      details: {
        syntheticPlan: { counts: plan.counts, records: recordCount, projectsForPerson: plan.projectsForPerson, seedMs },
        localCounts: counts,
        pulls,
        secondPull: again,
        serverPull: server,
        teamPriorities: team,
        loadSearchEntries: loads,
        searches,
        slowDevice: { cpuSlowdown: tabletSlowdown, loadSearchEntries: slowLoad, ...slow },
      },
    }
  } finally {
    await device.close()
    await app.stop()
  }
}
