// `npm run bench`: builds the app, then measures bundle size, offline cold start, pull
// sync of a large synthetic plan and the queries behind My team and search. Prints the
// figures against their goals and writes them to .tmp/bench-results.json. It never
// fails because a figure misses its goal; it exits non-zero only if a benchmark broke.
import { cpus } from 'node:os'
import type { Browser } from 'playwright-core'
import { distDir } from '../support/app-server'
import { launchChromium } from '../support/chromium'
import { benchBundle } from './bundle'
import { benchColdStart } from './cold-start'
import { benchPullAndQueries } from './pull-and-queries'
import { formatTable, TimedOut, verdictOf, withTimeout, writeResults, type Figure } from './report'

const resultsPath = '.tmp/bench-results.json'
const wholeRunLimitMs = 9 * 60_000

interface Outcome {
  name: string
  status: 'ok' | 'timed out' | 'error'
  seconds: number
  error?: string
  details?: unknown
}

const figures: Figure[] = []
const outcomes: Outcome[] = []
const startedAt = new Date()
let browser: Browser | undefined

function report() {
  const lines = [
    '',
    formatTable(figures),
    '',
    ...outcomes.filter((o) => o.status !== 'ok').map((o) => `${o.name}: ${o.status}${o.error ? ` (${o.error})` : ''}`),
    `${figures.filter((f) => verdictOf(f) === 'met').length} goals met, ${figures.filter((f) => verdictOf(f) === 'MISSED').length} missed; ` +
      `${outcomes.map((o) => `${o.name} ${o.seconds.toFixed(0)} s`).join(', ')}. Figures in ${resultsPath}.`,
  ]
  console.log(lines.join('\n'))
  writeResults(resultsPath, {
    startedAt: startedAt.toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, platform: process.platform },
    figures: figures.map((f) => ({ ...f, verdict: verdictOf(f) })),
    benchmarks: outcomes,
  })
}

async function run(name: string, limitMs: number, bench: () => Promise<{ figures: Figure[]; details: unknown }>) {
  console.log(`\n▶ ${name}`)
  const start = performance.now()
  try {
    const result = await withTimeout(bench(), limitMs, name)
    figures.push(...result.figures)
    outcomes.push({ name, status: 'ok', seconds: (performance.now() - start) / 1000, details: result.details })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`${name} did not finish: ${error instanceof Error ? (error.stack ?? message) : message}`)
    outcomes.push({ name, status: error instanceof TimedOut ? 'timed out' : 'error', seconds: (performance.now() - start) / 1000, error: message })
  }
}

// Whatever happens, the run ends: a hung browser or server cannot keep it going.
setTimeout(() => {
  console.error(`The benchmarks ran past ${wholeRunLimitMs / 60_000} minutes; stopping with what was measured.`)
  report()
  process.exit(1)
}, wholeRunLimitMs).unref()

try {
  await run('bundle', 3 * 60_000, () => benchBundle(distDir))
  browser = await launchChromium()
  const chromium = browser
  await run('cold start', 3 * 60_000, () => benchColdStart(chromium))
  await run('pull and queries', 4 * 60_000, () => benchPullAndQueries(chromium))
} finally {
  await browser?.close().catch(() => undefined)
}
report()
process.exit(outcomes.some((o) => o.status === 'error') ? 1 : 0)
