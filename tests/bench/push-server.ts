import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { addBenchOrganisations, benchPassword } from './bench-organisations'
import { demoAppOnPostgres, type DemoApp } from './postgres-demo'
import type { LoadDevice, LoadResult, LoadSettings } from './push-load'
import { percentile, round, type Figure } from './report'
import { cpuMeter, summariseSessions, watchSessions } from './session-watch'
import { signInAll } from './sign-in'

const run = promisify(execFile)
const loadScript = fileURLToPath(new URL('./push-load.ts', import.meta.url))

const connections = 8
const loadSeconds = 10
/** Twenty organisations at once, each with five teams sharing out its 47 projects, a manager and a practitioner in each. */
const spread = { organisations: 20, teamsPerOrganisation: 5, peoplePerTeam: 2, milestonesPerAction: 4 }
/** What a device sends besides progress updates: managers set statuses, everyone adds evidence now and then. */
const mixOf = { manager: { statusEvery: 10, evidenceEvery: 7 }, practitioner: { evidenceEvery: 7 } } as const

interface Scenario {
  name: string
  devices: LoadDevice[]
  batch: number
  /** Whether the 10,000 changes/s goal is read against it (the spread of a real organisation). */
  goal: boolean
}

async function load(demo: DemoApp, devices: LoadDevice[], batch: number, seconds: number) {
  const settings: LoadSettings = {
    origin: demo.app.origin,
    headers: { 'content-type': 'application/json', origin: demo.app.origin },
    devices,
    batch,
    connections,
    seconds,
  }
  // Hundreds of devices' work is too long for one command-line argument: the child reads a file.
  const dir = mkdtempSync(join(tmpdir(), 'gt-bench-load-'))
  const settingsFile = join(dir, 'settings.json')
  writeFileSync(settingsFile, JSON.stringify(settings))
  try {
    const meter = cpuMeter()
    const watched = await watchSessions(demo, () =>
      run(process.execPath, ['--import', 'tsx', loadScript, settingsFile], {
        timeout: (seconds + 60) * 1000,
        maxBuffer: 64 * 1024 * 1024,
      }),
    )
    const cpu = { ...meter(), postgresPercent: watched.postgresPercent }
    const result = JSON.parse(watched.result.stdout.trim().split('\n').at(-1)!) as LoadResult
    return { ...result, cpu, sessions: watched.sessions }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One device from each organisation in turn, so pushes in flight at once come from different organisations, as they would. */
function acrossOrganisations<T extends { orgId: string }>(people: T[]): T[] {
  const groups = new Map<string, T[]>()
  for (const person of people) groups.set(person.orgId, [...(groups.get(person.orgId) ?? []), person])
  const byOrganisation = [...groups.values()]
  return Array.from({ length: Math.max(...byOrganisation.map((g) => g.length)) }, (_, i) =>
    byOrganisation.flatMap((g) => (g[i] ? [g[i]] : [])),
  ).flat()
}

const kept = (r: LoadResult) => (r.outcomes.applied ?? 0) + (r.outcomes.superseded ?? 0)

function figuresOf(s: Scenario, r: Awaited<ReturnType<typeof load>>): Figure[] {
  const bench = 'Push apply rate, real PostgreSQL'
  const failures = r.non2xx + r.errors + r.timeouts + r.ok * s.batch - kept(r)
  const perSecond = kept(r) / r.seconds
  // CPU time per 1,000 changes: less swayed than throughput by what else the machine runs.
  const cpuMs = (percent: number) => ((percent / 100) * 1000 * 1000) / perSecond
  const serverMs = cpuMs(r.cpu.serverPercent)
  const postgresMs = cpuMs(r.cpu.postgresPercent)
  return [
    {
      bench,
      name: `${s.name}, pushes of ${s.batch}: changes applied per second`,
      value: perSecond,
      unit: 'changes/s',
      ...(s.goal ? { goalAtLeast: 10_000 } : {}),
      note: `${round(r.ok / r.seconds)} pushes/s over ${round(r.seconds)} s, ${connections} connections; CPU: server ${r.cpu.serverPercent}%, PostgreSQL ${r.cpu.postgresPercent}% of one core, machine ${r.cpu.machinePercent}% of both busy; ${summariseSessions(r.sessions.states)}`,
    },
    {
      bench,
      name: `${s.name}, pushes of ${s.batch}: latency p95`,
      value: percentile(r.latencies, 0.95),
      unit: 'ms',
      note: `p50 ${round(percentile(r.latencies, 0.5))} ms, p99 ${round(percentile(r.latencies, 0.99))} ms, max ${round(Math.max(...r.latencies))} ms`,
    },
    {
      bench,
      name: `${s.name}, pushes of ${s.batch}: CPU per 1,000 changes, server and PostgreSQL`,
      value: serverMs + postgresMs,
      unit: 'ms',
      note: `server ${round(serverMs)} ms, PostgreSQL ${round(postgresMs)} ms: ${cpus().length} idle cores could apply at most about ${Math.round((cpus().length * 1000 * 1000) / (serverMs + postgresMs))} changes/s (an estimate from CPU time, not a measurement)`,
    },
    {
      bench,
      name: `${s.name}, pushes of ${s.batch}: errors, non-2xx and changes not applied`,
      value: failures,
      unit: 'count',
      goalAtMost: 0,
      note: `${r.requests} answers: ${Object.entries(r.statusCodes)
        .map(([code, n]) => `${n} × ${code}`)
        .join(', ')}; ${r.errors} connection errors, ${r.timeouts} timeouts; outcomes ${JSON.stringify(r.outcomes)}`,
    },
  ]
}

/**
 * Changes applied per second on real PostgreSQL. autocannon, from a child process, keeps
 * `connections` pushes in flight for `loadSeconds`: first from the devices of 200 people in
 * 20 organisations, each push one person's progress updates, evidence and (managers)
 * statuses on their own team's projects, as a real organisation spreads its changes; then,
 * for comparison, the earlier benchmark's single device on two projects.
 */
export async function benchServerApplyRate(): Promise<{ figures: Figure[]; details: unknown }> {
  const demo = await demoAppOnPostgres()
  try {
    const people = acrossOrganisations(await addBenchOrganisations(demo.app.db, spread))
    const cookies = await signInAll(
      demo.app.origin,
      people.map((p) => p.email),
      benchPassword,
    )
    const spreadDevices = people.map((person, i): LoadDevice => ({
      cookie: cookies[i]!,
      work: { actionIds: person.actionIds, milestoneIds: person.milestoneIds },
      mix: mixOf[person.role],
    }))
    const oneDevice: LoadDevice[] = [{ cookie: await demo.signIn('manager@demo.local'), work: demo.work, mix: {} }]
    const spreadName = `${spread.organisations} organisations, ${people.length} devices`
    const scenarios: Scenario[] = [
      { name: spreadName, devices: spreadDevices, batch: 50, goal: true },
      { name: spreadName, devices: spreadDevices, batch: 200, goal: true },
      { name: 'One device on two projects', devices: oneDevice, batch: 200, goal: false },
    ]
    const keptIds = async () =>
      Number((await demo.app.db.query<{ n: string }>('select count(*) as n from applied_mutations'))[0]!.n)
    const keptBefore = await keptIds()
    // JIT, the pool's connections and PostgreSQL's caches warm up on a short run first.
    const warmUp = await load(demo, spreadDevices, 50, 2)
    const runs: { scenario: Scenario; result: Awaited<ReturnType<typeof load>> }[] = []
    for (const scenario of scenarios)
      runs.push({ scenario, result: await load(demo, scenario.devices, scenario.batch, loadSeconds) })

    const figures = runs.flatMap((r) => figuresOf(r.scenario, r.result))
    const rate = (r: (typeof runs)[number]) => kept(r.result) / r.result.seconds
    figures.push({
      bench: 'Push apply rate, real PostgreSQL',
      name: 'Spread over 20 organisations ÷ one device on two projects (pushes of 200)',
      value: rate(runs[1]!) / rate(runs[2]!),
      unit: '×',
      note: 'how much of the single-device figure was lost to waiting on the same rows',
    })
    // Every applied change keeps its id exactly once: ids kept must match the answers, less pushes cut off at each run's end.
    const stored = (await keptIds()) - keptBefore
    const answered = [warmUp, ...runs.map((r) => r.result)].reduce((total, r) => total + kept(r), 0)
    const cutOff = connections * Math.max(...scenarios.map((s) => s.batch)) * (runs.length + 1)
    if (stored < answered || stored - answered > cutOff) {
      figures.push({
        bench: 'Push apply rate, real PostgreSQL',
        name: 'Changes kept but not answered as applied',
        value: stored - answered,
        unit: 'count',
        goalAtMost: cutOff,
        note: `${stored} mutation ids kept, ${answered} answered applied or superseded; up to ${cutOff} may be pushes cut off when a run's time was up`,
      })
    }
    const summary = (r: Awaited<ReturnType<typeof load>>) => ({
      ...r,
      latencies: undefined,
      latency: {
        p50: percentile(r.latencies, 0.5),
        p95: percentile(r.latencies, 0.95),
        p99: percentile(r.latencies, 0.99),
        max: Math.max(...r.latencies),
      },
    })
    return {
      figures,
      details: {
        connections,
        spread,
        mix: mixOf,
        warmUp: summary(warmUp),
        runs: runs.map((r) => ({ scenario: r.scenario.name, batch: r.scenario.batch, ...summary(r.result) })),
        mutationIds: { stored, answered },
      },
    }
  } finally {
    await demo.stop()
  }
}
