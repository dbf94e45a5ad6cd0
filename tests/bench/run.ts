// `npm run bench`: builds the app, then measures bundle size, offline cold start, pull
// sync of a large synthetic plan and the queries behind My team and search, the import of the
// largest real plan, the first sync of an organisation holding all five, then pushes
// on real PostgreSQL: a device sending 1,000 queued changes, a plan admin's 200 offline edits, the server's apply rate
// under load, evidence photos resized and uploaded, and apply cost as history grows. Prints the
// figures against their goals and writes them to .tmp/bench-results.json. It never
// fails because a figure misses its goal; it exits non-zero only if a benchmark broke.
// `npm run bench -- "apply rate" sign-in` runs only the benchmarks whose names contain one
// of the words given (cold start and survey offline need "bundle" too: it builds the app;
// page heights builds it itself when run alone, or serves GT_DIST_DIR if set).
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { benchBundle } from './bundle'
import { benchColdStart } from './cold-start'
import { benchPageHeights } from './page-heights'
import { benchPullAndQueries } from './pull-and-queries'
import { benchFirstSync } from './first-sync'
import { benchPlanImport } from './plan-import'
import { benchPlanRefresh } from './plan-refresh'
import { benchClientPush } from './push-client'
import { benchPlanEditing } from './plan-editing'
import { benchDashboardRollup } from './dashboard-rollup'
import { benchQuarterlyReport } from './quarterly-report'
import { benchServerApplyRate } from './push-server'
import { benchApplyVsHistory } from './apply-vs-history'
import { benchSignInBurst } from './sign-in-burst'
import { benchPhotos } from './photos'
import { stopSharedPostgres } from './postgres-demo'
import { benchSurveys, surveyResultsGoalMs } from './surveys'
import { benchSurveyOffline } from './survey-offline'
import { formatTable, TimedOut, verdictOf, withTimeout, writeResults, type Figure } from './report'

const resultsPath = '.tmp/bench-results.json'
/** The production build the benchmarks measure and serve; see benchBundle. */
const appDir = resolve('.tmp/bench-app')
const wholeRunLimitMs = 9 * 60_000

interface Outcome {
  name: string
  status: 'ok' | 'timed out' | 'error'
  seconds: number
  /** One-minute load average as the benchmark started and ended: other work skews timings. */
  load: [number, number]
  error?: string
  details?: unknown
}

const only = process.argv.slice(2)
const figures: Figure[] = []
const outcomes: Outcome[] = []
const startedAt = new Date()

const cpuCount = cpus().length
const load1 = () => Math.round(loadavg()[0]! * 10) / 10

function report() {
  const busy = outcomes.filter((o) => Math.max(...o.load) > cpuCount)
  const lines = [
    '',
    formatTable(figures),
    '',
    ...outcomes.filter((o) => o.status !== 'ok').map((o) => `${o.name}: ${o.status}${o.error ? ` (${o.error})` : ''}`),
    ...(busy.length
      ? [
          `The machine was busy (load average ${busy.map((o) => `${o.load.join('→')} during ${o.name}`).join(', ')}, on ${cpuCount} CPUs): timings are inflated.`,
        ]
      : []),
    `${figures.filter((f) => verdictOf(f) === 'met').length} goals met, ${figures.filter((f) => verdictOf(f) === 'MISSED').length} missed; ` +
      `${outcomes.map((o) => `${o.name} ${o.seconds.toFixed(0)} s`).join(', ')}. Figures in ${resultsPath}.`,
  ]
  console.log(lines.join('\n'))
  writeResults(resultsPath, {
    startedAt: startedAt.toISOString(),
    machine: { cpus: cpuCount, cpuModel: cpus()[0]?.model, node: process.version, platform: process.platform },
    figures: figures.map((f) => ({ ...f, verdict: verdictOf(f) })),
    benchmarks: outcomes,
  })
}

async function run(name: string, limitMs: number, bench: () => Promise<{ figures: Figure[]; details: unknown }>) {
  if (only.length && !only.some((word) => name.includes(word))) return
  console.log(`\n▶ ${name}`)
  const start = performance.now()
  const loadBefore = load1()
  try {
    const result = await withTimeout(bench(), limitMs, name)
    figures.push(...result.figures)
    outcomes.push({
      name,
      status: 'ok',
      seconds: (performance.now() - start) / 1000,
      load: [loadBefore, load1()],
      details: result.details,
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`${name} did not finish: ${error instanceof Error ? (error.stack ?? message) : message}`)
    outcomes.push({
      name,
      status: error instanceof TimedOut ? 'timed out' : 'error',
      seconds: (performance.now() - start) / 1000,
      load: [loadBefore, load1()],
      error: message,
    })
  }
}

// Whatever happens, the run ends: a hung browser or server cannot keep it going.
setTimeout(() => {
  console.error(`The benchmarks ran past ${wholeRunLimitMs / 60_000} minutes; stopping with what was measured.`)
  report()
  void withTimeout(stopSharedPostgres(), 10_000, 'stopping PostgreSQL')
    .catch(() => undefined)
    .finally(() => process.exit(1))
}, wholeRunLimitMs).unref()

await run('bundle', 3 * 60_000, () => benchBundle(appDir))
// Cold start serves that build: without a fresh one it would measure a stale or missing app.
await run('cold start', 3 * 60_000, () =>
  outcomes.find((o) => o.name === 'bundle')?.status === 'ok'
    ? benchColdStart(appDir)
    : Promise.reject(new Error('skipped: the app did not build')),
)
await run('page heights', 5 * 60_000, () =>
  benchPageHeights(appDir, outcomes.find((o) => o.name === 'bundle')?.status === 'ok'),
)
await run('pull and queries', 4 * 60_000, () => benchPullAndQueries())
await run('plan import', 2 * 60_000, () => benchPlanImport())
await run('plan refresh', 2 * 60_000, () => benchPlanRefresh())
await run('first sync', 3 * 60_000, () => benchFirstSync())
await run('client push', 2 * 60_000, () => benchClientPush())
await run('plan editing', 2 * 60_000, () => benchPlanEditing())
await run('dashboard roll-up', 2 * 60_000, () => benchDashboardRollup())
await run('quarterly report', 2 * 60_000, () => benchQuarterlyReport())
await run('server apply rate', 3 * 60_000, () => benchServerApplyRate())
await run('sign-in burst', 2 * 60_000, () => benchSignInBurst())
await run('photos', 3 * 60_000, () => benchPhotos())
await run('apply vs history', 2 * 60_000, () => benchApplyVsHistory())
await run('survey offline', 2 * 60_000, () => benchSurveyOffline(appDir))
await run('survey results', 2 * 60_000, async () => {
  const measured = await benchSurveys()
  const figure = (name: string, key: string, unit: Figure['unit'], extra: Partial<Figure> = {}): Figure => ({
    bench: 'survey results',
    name,
    value: measured[key] ?? null,
    unit,
    ...extra,
  })
  return {
    figures: [
      figure('All results, 10,000 responses × 20 questions, 100 teams (median)', 'resultsMedianMs', 'ms', {
        goalAtMost: surveyResultsGoalMs,
        note: 'GET /api/surveys/:id/results on real PostgreSQL',
      }),
      figure('of which reading the responses', 'loadResponsesMedianMs', 'ms'),
      figure('of which computeResults', 'computeResultsMedianMs', 'ms'),
      figure('Open survey: the count only (median)', 'openResultsMedianMs', 'ms'),
      figure('One answer into a bucket of 100 (median)', 'answerMedianMs', 'ms'),
      figure('Closing it: results and the measure actual', 'closeMs', 'ms'),
    ],
    details: measured,
  }
})
await withTimeout(stopSharedPostgres(), 30_000, 'stopping PostgreSQL').catch((error: unknown) => console.error(error))
report()
process.exit(outcomes.some((o) => o.status === 'error') ? 1 : 0)
