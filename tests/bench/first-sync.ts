import { startApp } from '../support/app-server'
import { openDatabase } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { benchDist, buildBenchPage } from './bench-page'
import { openDeviceProfile } from './device'
import { createFivePlanOrganisation } from './five-plans'
import { serverPullTime } from './pull-and-queries'
import type { FirstSyncRun } from './page/main'
import { median, round, type Figure } from './report'

const runs = 3
/** The goals for a first sync of about 20,000 records. */
const totalGoalMs = 1500
const longTaskGoalMs = 50

/**
 * The first sync of an organisation with all five real plans and about 20,000 records,
 * in Chromium on a disk profile, through the real client code, with My team open.
 */
export async function benchFirstSync(): Promise<{ figures: Figure[]; details: unknown }> {
  buildBenchPage()
  const db = await openDatabase({})
  await migrate(db)
  const org = await createFivePlanOrganisation(db)
  const app = await startApp({ db, staticDir: benchDist, demo: false })
  const device = await openDeviceProfile(app.origin)
  try {
    const page = await device.context.newPage()
    await page.goto('/')
    await page.getByText('Ready').waitFor({ timeout: 20_000 })
    const status = await page.evaluate(([email, password]) => window.bench.signIn(email, password), [
      org.email,
      org.password,
    ] as const)
    if (status !== 200) throw new Error(`Signing in to the five-plan organisation answered ${status}`)
    const syncs: FirstSyncRun[] = []
    for (let i = 0; i < runs; i++) syncs.push(await page.evaluate((id) => window.bench.firstSync(id), org.personId))
    const server = await serverPullTime(db, org.orgId)

    const records = Object.values(org.counts).reduce((a, b) => a + b, 0)
    const totals = syncs.map((s) => s.ms)
    const typical = syncs.find((s) => s.ms === median(totals)) ?? syncs[0]!
    const tasks = syncs.flatMap((s) => s.longTasks)
    const longest = tasks.length ? Math.max(...tasks.map((t) => t.duration)) : null
    const usable = syncs.map((s) => s.teamUsableMs)
    const usableMs = usable.every((t) => t !== null) ? median(usable as number[]) : null
    const bench = 'First sync, five plans'
    const figures: Figure[] = [
      {
        bench,
        name: `First sync into an empty database, median of ${runs}`,
        value: median(totals),
        unit: 'ms',
        goalAtMost: totalGoalMs,
        note: `runs ${totals.map(Math.round).join(', ')}; ${typical.received.toLocaleString('en-GB')} changes of ${records.toLocaleString('en-GB')} records in ${typical.requests} requests; waiting on the network ${Math.round(typical.networkMs)} ms of it`,
      },
      {
        bench,
        name: 'Longest main-thread task during first syncs',
        value: longest,
        unit: 'ms',
        goalAtMost: longTaskGoalMs,
        note:
          longest === null
            ? 'none over 50 ms (the long-task API reports only those)'
            : `${tasks.length} over 50 ms in ${runs} syncs: ${tasks.map((t) => Math.round(t.duration)).join(', ')} ms`,
      },
      {
        bench,
        name: 'My team usable (all its projects on the device), median',
        value: usableMs,
        unit: 'ms',
        note: `runs ${usable.map((t) => (t === null ? 'never' : Math.round(t))).join(', ')}; ${typical.team.projects} projects under ${typical.team.priorities} priorities`,
      },
      {
        bench,
        name: 'My team usable, as a share of the whole sync',
        value: usableMs === null ? null : round(usableMs / median(totals), 2),
        unit: '×',
        goalAtMost: 0.99,
        note: 'goal: before the sync ends',
      },
      {
        bench,
        name: 'First sync, bytes transferred',
        value: round(typical.transferBytes / 1000, 1),
        unit: 'KB',
        note: `${round(typical.decodedBodyBytes / 1000, 1)} KB decoded`,
      },
      {
        bench,
        name: 'Server share: pullChanges for every page',
        value: server.ms,
        unit: 'ms',
        note: `${server.pages} pages on PGlite, no HTTP; ${round(server.bytes / 1000, 1)} KB of JSON, ${round(server.gzipBytes / 1000, 1)} KB gzipped`,
      },
    ]
    return {
      figures,
      details: { organisation: { counts: org.counts, records, seedMs: org.seedMs }, syncs, serverPull: server },
    }
  } finally {
    await device.close()
    await app.stop()
  }
}
