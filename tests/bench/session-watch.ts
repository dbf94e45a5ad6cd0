import { readdirSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import pg from 'pg'

/** Busy CPU time of the whole machine, and of this process (the server), from now until the returned function is called. */
export function cpuMeter() {
  const machine = () =>
    cpus().reduce(
      (t, c) => ({
        busy: t.busy + c.times.user + c.times.nice + c.times.sys + c.times.irq,
        all: t.all + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle,
      }),
      { busy: 0, all: 0 },
    )
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
export async function watchSessions<T>(database: { url: string; databaseName: string }, work: () => Promise<T>) {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  const states: Record<string, number> = {}
  let samples = 0
  let done = false
  const statement = (query: string) => query.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ').toLowerCase()
  const sampling = (async () => {
    while (!done) {
      const { rows } = await client.query<{
        state: string | null
        wait_event_type: string | null
        wait_event: string | null
        query: string
      }>(
        `select state, wait_event_type, wait_event, query from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`,
        [database.databaseName],
      )
      samples++
      for (const row of rows) {
        const key =
          row.state === 'active'
            ? row.wait_event_type === 'Lock'
              ? `waiting for a lock (${row.wait_event}): ${statement(row.query)}`
              : `running${row.wait_event_type ? ` (${row.wait_event_type}: ${row.wait_event})` : ''}: ${statement(row.query)}`
            : row.state === 'idle in transaction'
              ? 'in a transaction, waiting for the app'
              : 'idle'
        states[key] = (states[key] ?? 0) + 1
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  const ticksBefore = backendTicks(database.databaseName)
  const start = performance.now()
  try {
    const result = await work()
    const ticksAfter = backendTicks(database.databaseName)
    let used = 0
    for (const [pid, ticks] of ticksAfter) used += ticks - (ticksBefore.get(pid) ?? 0)
    const postgresPercent = Math.round(((used * 10) / (performance.now() - start)) * 100)
    return { result, sessions: { samples, states }, postgresPercent }
  } finally {
    done = true
    await sampling.catch(() => undefined)
    await client.end()
  }
}

/** The busiest session states, as shares of all session samples that were not idle. */
export function summariseSessions(states: Record<string, number>, top = 3): string {
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
