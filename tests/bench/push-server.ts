import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
import type { Database } from '../../src/server/db/database'
import { reserveVersions } from '../../src/server/db/versions'
import { demoAppOnPostgres, type DemoApp } from './postgres-demo'
import { pushBody } from './push-bodies'
import type { LoadResult, LoadSettings } from './push-load'
import { median, percentile, round, type Figure } from './report'

const run = promisify(execFile)
const loadScript = fileURLToPath(new URL('./push-load.ts', import.meta.url))

const connections = 8
const loadSeconds = 10
const batchSizes = [50, 200]

/** Busy CPU time of the whole machine, and of this process (the server), since `since`. */
function cpuMeter() {
  const machine = () => cpus().reduce((t, c) => ({ busy: t.busy + c.times.user + c.times.nice + c.times.sys + c.times.irq, all: t.all + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle }), { busy: 0, all: 0 })
  const startMachine = machine()
  const startProcess = process.cpuUsage()
  const startAt = performance.now()
  return () => {
    const end = machine()
    const own = process.cpuUsage(startProcess)
    const wallMs = performance.now() - startAt
    return {
      /** Share of one core the server process used, in percent. */
      serverPercent: Math.round(((own.user + own.system) / 1000 / wallMs) * 100),
      /** Share of all cores busy, in percent: load generator, server and PostgreSQL together. */
      machinePercent: Math.round(((end.busy - startMachine.busy) / (end.all - startMachine.all)) * 100),
    }
  }
}

/** CPU ticks (1/100 s) used so far by each PostgreSQL backend serving `databaseName`; empty off Linux. */
function backendTicks(databaseName: string): Map<number, number> {
  const ticks = new Map<number, number>()
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return ticks
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(databaseName)) continue
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]))
    } catch {
      // The process ended while being read.
    }
  }
  return ticks
}

/**
 * Samples, every 20 ms from a connection of its own, what the app's PostgreSQL sessions
 * are doing while `work` runs: running a statement, waiting for a lock, or idle in a
 * transaction while the app works out its next statement.
 */
async function watchSessions<T>(demo: DemoApp, work: () => Promise<T>) {
  const client = new pg.Client({ connectionString: demo.url })
  await client.connect()
  const states: Record<string, number> = {}
  let samples = 0
  let done = false
  const statement = (query: string) => query.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ').toLowerCase()
  const sampling = (async () => {
    while (!done) {
      const { rows } = await client.query<{ state: string | null; wait_event_type: string | null; wait_event: string | null; query: string }>(
        `select state, wait_event_type, wait_event, query from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`,
        [demo.databaseName],
      )
      samples++
      for (const row of rows) {
        const key =
          row.state === 'active'
            ? row.wait_event_type === 'Lock'
              ? `waiting for a lock (${row.wait_event}): ${statement(row.query)}`
              : `running${row.wait_event_type ? ` (${row.wait_event_type})` : ''}: ${statement(row.query)}`
            : row.state === 'idle in transaction'
              ? 'in a transaction, waiting for the app'
              : 'idle'
        states[key] = (states[key] ?? 0) + 1
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  const ticksBefore = backendTicks(demo.databaseName)
  const start = performance.now()
  try {
    const result = await work()
    const ticksAfter = backendTicks(demo.databaseName)
    let used = 0
    for (const [pid, ticks] of ticksAfter) used += ticks - (ticksBefore.get(pid) ?? 0)
    const postgresPercent = Math.round((used * 10) / (performance.now() - start) * 100)
    return { result, sessions: { samples, states }, postgresPercent }
  } finally {
    done = true
    await sampling.catch(() => undefined)
    await client.end()
  }
}

/** The busiest session states, as shares of all session samples that were not idle. */
function summariseSessions(states: Record<string, number>, top = 3): string {
  const busy = Object.entries(states).filter(([key]) => key !== 'idle')
  const total = busy.reduce((sum, [, n]) => sum + n, 0)
  if (!total) return 'no busy sessions sampled'
  const locks = busy.filter(([key]) => key.startsWith('waiting for a lock')).reduce((sum, [, n]) => sum + n, 0)
  return `busy PostgreSQL sessions ${Math.round((locks / total) * 100)}% waiting for locks; top: ${busy
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, n]) => `${key} ${Math.round((n / total) * 100)}%`)
    .join(', ')}`
}

async function load(demo: DemoApp, cookie: string, batch: number, seconds: number) {
  const settings: LoadSettings = {
    origin: demo.app.origin,
    headers: demo.pushHeaders(cookie),
    work: demo.work,
    batch,
    connections,
    seconds,
  }
  const meter = cpuMeter()
  const watched = await watchSessions(demo, () =>
    run(process.execPath, ['--import', 'tsx', loadScript, JSON.stringify(settings)], { timeout: (seconds + 60) * 1000, maxBuffer: 64 * 1024 * 1024 }),
  )
  const cpu = { ...meter(), postgresPercent: watched.postgresPercent }
  const result = JSON.parse(watched.result.stdout.trim().split('\n').at(-1)!) as LoadResult
  return { ...result, cpu, sessions: watched.sessions }
}

/**
 * Changes applied per second on real PostgreSQL: autocannon, from a child process, keeps
 * `connections` pushes of fresh progress updates in flight for `loadSeconds`, for each batch size.
 */
export async function benchServerApplyRate(): Promise<{ figures: Figure[]; details: unknown }> {
  const demo = await demoAppOnPostgres()
  try {
    const cookie = await demo.signIn('manager@demo.local')
    const countStored = async () =>
      Number((await demo.app.db.query<{ n: string }>('select count(*) as n from progress_updates where author_id = $1', [demo.work.managerId]))[0]!.n)
    const storedBefore = await countStored()
    // JIT, the pool's connections and PostgreSQL's caches warm up on a short run first.
    const warmUp = await load(demo, cookie, batchSizes[0]!, 2)
    const runs: (Awaited<ReturnType<typeof load>> & { batch: number })[] = []
    for (const batch of batchSizes) runs.push({ batch, ...(await load(demo, cookie, batch, loadSeconds)) })

    const applied = (r: LoadResult) => r.outcomes.applied ?? 0
    // Pushes still in flight when a run's time was up are applied but never counted: at most one per connection.
    const stored = (await countStored()) - storedBefore
    const answered = [warmUp, ...runs].reduce((total, r) => total + applied(r), 0)
    const uncounted = stored - answered
    const bench = 'Push apply rate, real PostgreSQL'
    const figures = runs.flatMap((r): Figure[] => {
      const notApplied = r.ok * r.batch - applied(r)
      const failures = r.non2xx + r.errors + r.timeouts + notApplied
      return [
        {
          bench, name: `Pushes of ${r.batch} changes, ${connections} connections: changes applied per second`, value: applied(r) / r.seconds, unit: 'changes/s', goalAtLeast: 10_000,
          note: `${round(r.ok / r.seconds)} pushes/s over ${round(r.seconds)} s; CPU: server ${r.cpu.serverPercent}%, PostgreSQL ${r.cpu.postgresPercent}% of one core, machine ${r.cpu.machinePercent}% of both busy; ${summariseSessions(r.sessions.states)}`,
        },
        {
          bench, name: `Pushes of ${r.batch}: errors, non-2xx and changes not applied`, value: failures, unit: 'count', goalAtMost: 0,
          note: `${r.requests} answers: ${Object.entries(r.statusCodes).map(([code, n]) => `${n} × ${code}`).join(', ')}; ${r.errors} connection errors, ${r.timeouts} timeouts; outcomes ${JSON.stringify(r.outcomes)}`,
        },
        {
          bench, name: `Pushes of ${r.batch}: latency p50`, value: percentile(r.latencies, 0.5), unit: 'ms',
          note: `p95 ${round(percentile(r.latencies, 0.95))} ms, p99 ${round(percentile(r.latencies, 0.99))} ms, max ${round(Math.max(...r.latencies))} ms`,
        },
      ]
    })
    const inFlight = connections * Math.max(...batchSizes) * (runs.length + 1)
    if (uncounted < 0 || uncounted > inFlight) {
      figures.push({
        bench, name: 'Progress updates stored but not answered applied', value: uncounted, unit: 'count', goalAtMost: inFlight,
        note: `${stored} stored, ${answered} answered applied; up to ${inFlight} may be pushes cut off when a run's time was up`,
      })
    }
    return {
      figures,
      details: {
        connections,
        warmUp: { ...warmUp, latencies: undefined },
        runs: runs.map((r) => ({
          ...r,
          latencies: undefined,
          latency: { p50: percentile(r.latencies, 0.5), p95: percentile(r.latencies, 0.95), p99: percentile(r.latencies, 0.99), max: Math.max(...r.latencies) },
        })),
        progressUpdates: { stored, answeredApplied: answered },
      },
    }
  } finally {
    await demo.stop()
  }
}

const historyPushSize = 100
const historyPushes = 15
const historyLevels = [1_000, 100_000]

const fillCommentaries = [
  'On track: the panel met and agreed the next steps.',
  'Delayed while we wait for partners to confirm funding; escalated to the head of service.',
  'Two practitioners trained this month; the rest are booked for next quarter.',
  'Behind plan because of vacancies; agency cover starts next month.',
  'Complete for this quarter.',
  'Draft shared with families for comment; feedback due by the end of the month.',
]

/**
 * Adds applied progress updates until the history holds `target` applied changes, as
 * pushes leave them: the update, its history entry and the claimed mutation id, spread
 * over every action and person of the organisation and the last year and a half.
 */
async function fillHistory(db: Database, orgId: string, target: number): Promise<number> {
  const [{ n }] = (await db.query<{ n: string }>('select count(*) as n from history where org_id = $1', [orgId])) as [{ n: string }]
  const missing = target - Number(n)
  if (missing <= 0) return 0
  await db.transaction(async (tx) => {
    const actions = (await tx.query<{ id: string }>('select id from actions where org_id = $1 order by code', [orgId])).map((r) => r.id)
    const people = (await tx.query<{ id: string }>('select id from people where org_id = $1 order by name', [orgId])).map((r) => r.id)
    const first = await reserveVersions(tx, orgId, 2 * missing)
    await tx.query(
      `create temp table bench_fill on commit drop as
       select f.*, q.y || '/' || lpad(((q.y + 1) % 100)::text, 2, '0') || ' Q' || (((q.m + 8) % 12) / 3 + 1) as period
         from (select g, gen_random_uuid() as update_id, gen_random_uuid() as mutation_id, gen_random_uuid() as history_id,
                      ($2::uuid[])[(1 + (g * 7919) % cardinality($2::uuid[]))::int] as action_id,
                      ($3::uuid[])[(1 + (g * 104729) % cardinality($3::uuid[]))::int] as author_id,
                      (array['green', 'green', 'amber', 'red'])[(1 + g % 4)::int] as rag,
                      ($4::text[])[(1 + g % cardinality($4::text[]))::int] as commentary,
                      now() - make_interval(mins => ($1::int - g::int) * 7) as made_at
                 from generate_series(0::bigint, $1::bigint - 1) as g) f
        cross join lateral (select extract(month from f.made_at at time zone 'UTC')::int as m,
                                   extract(year from f.made_at at time zone 'UTC')::int
                                     - (extract(month from f.made_at at time zone 'UTC')::int < 4)::int as y) q`,
      [missing, actions, people, fillCommentaries],
    )
    await tx.query(
      `insert into progress_updates (id, org_id, version, action_id, period, rag, commentary, author_id, made_at, received_at)
       select update_id, $1, $2::bigint + g, action_id, period, rag, commentary, author_id, made_at, made_at + interval '3 minutes' from bench_fill`,
      [orgId, first],
    )
    await tx.query(
      `insert into history (id, org_id, version, action_id, entity_type, entity_id, change, details, person_id, device_id, mutation_id, made_at, received_at, outcome)
       select history_id, $1, $2::bigint + $3 + g, action_id, 'progressUpdate', update_id, 'progress.post',
              jsonb_build_object('rag', rag, 'period', period, 'commentary', commentary), author_id, 'bench-device-' || (g % 40),
              mutation_id, made_at, made_at + interval '3 minutes', 'applied'
         from bench_fill`,
      [orgId, first, missing],
    )
    await tx.query(
      `insert into applied_mutations (id, org_id, person_id, outcome, received_at)
       select mutation_id, $1, author_id, 'applied', made_at + interval '3 minutes' from bench_fill`,
      [orgId],
    )
  })
  return missing
}

async function tableCounts(db: Database) {
  const [row] = await db.query<Record<string, string>>(
    `select (select count(*) from history) as history, (select count(*) from progress_updates) as progress_updates,
            (select count(*) from applied_mutations) as applied_mutations`,
  )
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]))
}

/** Times `historyPushes` pushes of `historyPushSize` changes, one after another, as one device sends them. */
async function timePushes(demo: DemoApp, cookie: string, count: number) {
  const times: number[] = []
  const outcomes: Record<string, number> = {}
  for (let i = 0; i < count; i++) {
    const body = pushBody(demo.work, historyPushSize, 'bench-history-device', 5)
    const start = performance.now()
    const response = await fetch(`${demo.app.origin}/api/sync/push`, { method: 'POST', headers: demo.pushHeaders(cookie), body })
    const text = await response.text()
    times.push(performance.now() - start)
    if (response.status !== 200) throw new Error(`A push answered ${response.status}: ${text.slice(0, 200)}`)
    for (const r of (JSON.parse(text) as { results: { outcome: string }[] }).results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1
  }
  return { times, outcomes }
}

/**
 * Does applying a push get slower as history grows? The median of `historyPushes` pushes of
 * `historyPushSize` changes with ~1,000 and then ~100,000 applied changes already stored.
 */
export async function benchApplyVsHistory(): Promise<{ figures: Figure[]; details: unknown }> {
  const demo = await demoAppOnPostgres()
  const { db } = demo.app
  const orgId = demo.work.ids.orgId
  try {
    const cookie = await demo.signIn('manager@demo.local')
    await timePushes(demo, cookie, 3) // warm-up, not counted
    const levels: { target: number; filled: number; fillMs: number; before: Record<string, number>; times: number[]; outcomes: Record<string, number> }[] = []
    for (const target of historyLevels) {
      const start = performance.now()
      const filled = await fillHistory(db, orgId, target)
      // What autovacuum would have done by now on a server holding this much.
      await db.exec('vacuum analyze progress_updates, history, applied_mutations')
      const fillMs = performance.now() - start
      const before = await tableCounts(db)
      levels.push({ target, filled, fillMs, before, ...(await timePushes(demo, cookie, historyPushes)) })
    }
    const [small, large] = levels as [(typeof levels)[0], (typeof levels)[0]]
    const bench = 'Push apply cost vs history size'
    const row = (level: typeof small): Figure => ({
      bench, name: `Push of ${historyPushSize} changes, ${level.target.toLocaleString('en-GB')} applied changes stored, median of ${historyPushes}`,
      value: median(level.times), unit: 'ms',
      note: `p90 ${round(percentile(level.times, 0.9))} ms; history ${level.before.history!.toLocaleString('en-GB')} rows before, +${(historyPushes * historyPushSize).toLocaleString('en-GB')} during; ${level.filled.toLocaleString('en-GB')} added by SQL in ${Math.round(level.fillMs)} ms`,
    })
    return {
      figures: [
        row(small),
        row(large),
        {
          bench, name: `Ratio of the medians (${historyLevels.map((n) => n.toLocaleString('en-GB')).join(' / ')})`, value: median(large.times) / median(small.times), unit: '×', goalAtMost: 1.25,
          note: `goal ~1: applying must not grow with history; one push = ${historyPushSize} changes, a status every 5th; outcomes ${JSON.stringify(large.outcomes)}`,
        },
      ],
      details: { pushSize: historyPushSize, pushes: historyPushes, levels, after: await tableCounts(db) },
    }
  } finally {
    await demo.stop()
  }
}
