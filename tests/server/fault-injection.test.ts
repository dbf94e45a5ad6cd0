import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { LocalDatabase } from '../../src/client/db/database'
import { queueChange } from '../../src/client/sync/outbox'
import { pushAll } from '../../src/client/sync/push'
import { Unreachable } from '../../src/client/sync/api'
import { openDatabase, type Database } from '../../src/server/db/database'
import { postgresStore } from '../../src/server/attachments/postgres-store'
import { demoPassword } from '../../src/server/demo/people'
import type { SessionInfo } from '../../src/shared/api'
import type { WorkStatus } from '../../src/shared/entities'
import type { PullResponse } from '../../src/shared/sync/protocol'
import { deviceFetch } from '../support/device-fetch'
import { freePort } from '../support/postgres'
import { serverProcess, startFaultProxy, type FaultProxy, type ServerProcess } from '../support/fault-proxy'
import { seededRandom } from '../../src/server/demo/seeded-random'

/**
 * Devices push while the server is killed (SIGKILL) and restarted, or the network drops
 * every connection, at moments chosen by a seeded random generator. Whatever happens, every
 * change a device queued must end up on the server exactly once, and leave the outbox.
 * Repeat a failure with FAULT_SEED=<the printed seed>.
 */
const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31))
/** PGlite takes longer to restart, so it gets fewer rounds to keep the file under a minute. */
const roundsOf = (backend: string) => Number(process.env.FAULT_ROUNDS ?? (backend === 'pglite' ? 10 : 15))
console.log(`fault-injection seed ${seed} (run again with FAULT_SEED=${seed})`)

function random(seedValue: number) {
  const next = seededRandom(seedValue)
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const statuses: WorkStatus[] = ['not-started', 'on-track', 'at-risk', 'off-track', 'complete']
const faults = ['kill', 'drop', 'drop-response'] as const
type Fault = (typeof faults)[number]

interface Queued {
  id: string
  kind: string
  dataId?: string
  milestoneId?: string
  madeAt: string
  attachment?: { id: string; bytes: Uint8Array }
}

type Backend = 'postgres' | 'pglite'

async function freshPostgresUrl(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl')
  const name = `fault_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  return adminUrl.replace(/\/postgres$/, `/${name}`)
}

describe.each<Backend>(['postgres', 'pglite'])('sync under faults, server in a child process on %s', (backend) => {
  const rng = random(seed + (backend === 'pglite' ? 1 : 0))
  let dir: string
  let databaseEnv: Record<string, string>
  let server: ServerProcess
  let proxy: FaultProxy
  const devices: LocalDatabase[] = []
  const queued: Queued[] = []
  const log: string[] = []
  const rounds = roundsOf(backend)

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gt-fault-'))
    databaseEnv =
      backend === 'postgres' ? { DATABASE_URL: await freshPostgresUrl() } : { PGLITE_DIR: join(dir, 'pglite') }
    const port = await freePort()
    server = serverProcess({ ...databaseEnv, PORT: String(port), DATABASE_POOL_SIZE: '4' })
    await server.start()
    proxy = await startFaultProxy(port)
  }, 60_000)

  afterAll(async () => {
    vi.unstubAllGlobals()
    await proxy?.close()
    await server?.stop()
    for (const device of devices) {
      device.close()
      await device.delete()
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it(`applies every queued change exactly once through ${roundsOf(backend)} rounds of kills and drops`, async () => {
    const deadline = Date.now() + 45_000
    const device = deviceFetch(proxy.origin)
    vi.stubGlobal('fetch', device.fetch)

    // The ids the changes need, from a pull like a device's.
    const signIn = await device.fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.local', password: demoPassword }),
    })
    expect(signIn.status).toBe(200)
    const session = (await signIn.json()) as SessionInfo
    const pulled = (await (await device.fetch('/api/sync/pull?limit=5000')).json()) as PullResponse
    const k9 = pulled.changes.find((c) => c.type === 'action' && c.op === 'put' && c.data.code === 'K9')!
    const k9Id = k9.op === 'put' ? String(k9.data.id) : ''
    const milestoneIds = pulled.changes.flatMap((c) =>
      c.type === 'milestone' && c.op === 'put' && c.data.actionId === k9Id ? [c.data.id] : [],
    )
    expect(milestoneIds.length).toBeGreaterThanOrEqual(3)

    let interrupted = 0
    let completed = 0
    for (let round = 1; round <= rounds && Date.now() < deadline; round++) {
      const local = new LocalDatabase(`fault-${backend}-${seed}-${round}-${randomUUID()}`)
      devices.push(local)
      await local.open()

      // Offline: queue 1–8 changes.
      const changes = 1 + rng.int(8)
      for (let i = 0; i < changes; i++) {
        const what = rng.pick(['progress', 'progress', 'evidence', 'status'] as const)
        if (what === 'progress') {
          const data = {
            id: crypto.randomUUID(),
            actionId: k9Id,
            rag: rng.pick(['green', 'amber', 'red'] as const),
            commentary: `Round ${round}, change ${i}: visits and reviews continue.`,
            setsStatus: false,
          }
          const entry = await queueChange(local, session.person.id, { kind: 'progress.post', data })
          queued.push({ id: entry.id, kind: 'progress.post', dataId: data.id, madeAt: entry.mutation.madeAt })
        } else if (what === 'evidence') {
          const withPhoto = rng.next() < 0.25
          const attachment = withPhoto
            ? { id: crypto.randomUUID(), bytes: fakePhoto(rng, 520_000 + rng.int(200_000)) }
            : undefined
          const data = {
            id: crypto.randomUUID(),
            actionId: k9Id,
            milestoneId: rng.next() < 0.5 ? rng.pick(milestoneIds) : null,
            note: `Round ${round}, change ${i}: notes of the visit.`,
            attachments: attachment
              ? [
                  {
                    id: attachment.id,
                    name: `photo-${round}-${i}.jpg`,
                    mediaType: 'image/jpeg',
                    size: attachment.bytes.length,
                  },
                ]
              : [],
          }
          const files = attachment
            ? [
                {
                  id: attachment.id,
                  name: `photo-${round}-${i}.jpg`,
                  mediaType: 'image/jpeg',
                  size: attachment.bytes.length,
                  bytes: attachment.bytes.slice().buffer,
                },
              ]
            : []
          const entry = await queueChange(local, session.person.id, { kind: 'evidence.add', data }, files)
          queued.push({
            id: entry.id,
            kind: 'evidence.add',
            dataId: data.id,
            madeAt: entry.mutation.madeAt,
            attachment,
          })
        } else {
          const milestoneId = rng.pick(milestoneIds)
          const entry = await queueChange(local, session.person.id, {
            kind: 'status.set',
            data: { entity: 'milestone', entityId: milestoneId, status: rng.pick(statuses) },
          })
          queued.push({ id: entry.id, kind: 'status.set', milestoneId, madeAt: entry.mutation.madeAt })
        }
      }

      // Online again, and something goes wrong at a random moment.
      // The first rounds try each fault once, so every run covers all three; the rest are random.
      const fault: Fault = round <= faults.length ? faults[round - 1]! : rng.pick(faults)
      const delay = rng.int(30)
      let restarting: Promise<void> | undefined
      if (fault === 'drop-response') proxy.dropNextResponse()
      const timer = setTimeout(
        () => {
          if (fault === 'kill') restarting = server.kill().then(() => server.start())
          else if (fault === 'drop') proxy.dropAll()
        },
        fault === 'drop-response' ? 0 : delay,
      )

      let attempts = 0
      let firstFailed = false
      for (;;) {
        attempts += 1
        try {
          await pushAll(local)
          if ((await local.outbox.count()) === 0) break
        } catch (error) {
          if (!(error instanceof Unreachable)) throw error
          if (attempts === 1) firstFailed = true
        }
        if (attempts >= 200)
          throw new Error(`seed ${seed}, round ${round}: the outbox did not empty after ${attempts} pushes`)
        await sleep(50)
      }
      clearTimeout(timer)
      if (restarting) await restarting
      else if (fault === 'kill' && !server.running()) await server.start()
      proxy.dropNextResponse(false)
      if (firstFailed) interrupted += 1
      completed += 1
      log.push(
        `round ${round}: ${changes} changes, ${fault} after ${delay} ms, ${attempts} pushes${firstFailed ? ' (first one cut)' : ''}`,
      )

      expect(await local.outbox.count(), `seed ${seed}, round ${round}: outbox`).toBe(0)
      expect(await local.outbox.where('state').equals('refused').count()).toBe(0)
    }
    console.log(
      `[${backend}] seed ${seed}: ${completed} rounds, ${queued.length} changes, ${interrupted} first pushes cut, ${server.starts() - 1} restarts, ${proxy.dropped()} connections dropped\n  ${log.join('\n  ')}`,
    )
    expect(completed, `seed ${seed}: rounds done before the deadline`).toBeGreaterThanOrEqual(Math.min(rounds, 5))
    expect(interrupted, `seed ${seed}: some pushes must really have been cut`).toBeGreaterThan(0)

    // Every device's outbox is empty.
    for (const local of devices) expect(await local.outbox.count()).toBe(0)

    // Stop the server cleanly and look in its database.
    proxy.dropAll()
    await server.stop()
    const db = await openDatabase(
      backend === 'postgres' ? { url: databaseEnv.DATABASE_URL } : { dataDir: databaseEnv.PGLITE_DIR },
    )
    try {
      await verify(db, queued)
    } finally {
      await db.close()
    }
  }, 120_000)
})

/** JPEG's first bytes, then seeded filler: enough for the server's content check, and more than one chunk. */
function fakePhoto(rng: ReturnType<typeof random>, size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  bytes.set([0xff, 0xd8, 0xff, 0xe0])
  for (let i = 4; i < size; i++) bytes[i] = rng.int(256)
  return bytes
}

async function verify(db: Database, queued: Queued[]) {
  const ids = queued.map((q) => q.id)
  const where = `seed ${seed}`
  const applied = await db.query<{ id: string; outcome: string }>(
    'select id, outcome from applied_mutations where id = any($1::uuid[])',
    [ids],
  )
  expect(applied.length, `${where}: applied_mutations rows for queued changes`).toBe(queued.length)
  for (const row of applied) expect(['applied', 'superseded'], `${where}: outcome of ${row.id}`).toContain(row.outcome)
  const pending = await db.query<{ n: number }>(
    `select count(*)::int as n from applied_mutations where outcome not in ('applied', 'superseded')`,
  )
  expect(pending[0]!.n, `${where}: claims left pending`).toBe(0)

  const history = await db.query<{ mutation_id: string; n: number }>(
    'select mutation_id, count(*)::int as n from history where mutation_id = any($1::uuid[]) group by mutation_id',
    [ids],
  )
  expect(history.length, `${where}: changes with a history row`).toBe(queued.length)
  for (const row of history) expect(row.n, `${where}: history rows of ${row.mutation_id}`).toBe(1)
  const outcomes = new Map(applied.map((r) => [r.id, r.outcome]))
  const historyOutcomes = await db.query<{ mutation_id: string; outcome: string }>(
    'select mutation_id, outcome from history where mutation_id = any($1::uuid[])',
    [ids],
  )
  // A change applied on arrival may later be overtaken by a more recent one; one superseded on arrival stays so.
  for (const row of historyOutcomes) {
    if (outcomes.get(row.mutation_id) === 'superseded') expect(row.outcome).toBe('superseded')
    else expect(['applied', 'superseded']).toContain(row.outcome)
  }

  const progressIds = queued.filter((q) => q.kind === 'progress.post').map((q) => q.dataId!)
  const progress = await db.query<{ id: string }>('select id from progress_updates where id = any($1::uuid[])', [
    progressIds,
  ])
  expect(progress.length, `${where}: progress updates`).toBe(progressIds.length)
  const evidenceIds = queued.filter((q) => q.kind === 'evidence.add').map((q) => q.dataId!)
  const evidence = await db.query<{ id: string }>('select id from evidence where id = any($1::uuid[])', [evidenceIds])
  expect(evidence.length, `${where}: evidence`).toBe(evidenceIds.length)

  for (const q of queued.filter((q) => q.attachment)) {
    const [row] = await db.query<{ evidence_id: string; size: number; received_bytes: number; version: number | null }>(
      'select evidence_id, size, received_bytes, version from attachments where id = $1',
      [q.attachment!.id],
    )
    expect(row, `${where}: attachment ${q.attachment!.id}`).toMatchObject({
      evidence_id: q.dataId,
      size: q.attachment!.bytes.length,
      received_bytes: q.attachment!.bytes.length,
    })
    expect(row!.version).not.toBeNull()
    const parts: Uint8Array[] = []
    for await (const part of await postgresStore(db).read(q.attachment!.id)) parts.push(part)
    expect(
      Buffer.compare(Buffer.concat(parts), Buffer.from(q.attachment!.bytes)),
      `${where}: bytes of ${q.attachment!.id}`,
    ).toBe(0)
  }

  // Each milestone ends with the status of its most recent change, however the pushes were cut.
  const byMilestone = new Map<string, Queued[]>()
  for (const q of queued.filter((q) => q.kind === 'status.set'))
    byMilestone.set(q.milestoneId!, [...(byMilestone.get(q.milestoneId!) ?? []), q])
  for (const [milestoneId, changes] of byMilestone) {
    const winner = [...changes]
      .sort((a, b) => Date.parse(a.madeAt) - Date.parse(b.madeAt) || (a.id < b.id ? -1 : 1))
      .at(-1)!
    const [row] = await db.query<{ status_mutation_id: string }>(
      'select status_mutation_id from milestones where id = $1',
      [milestoneId],
    )
    expect(row!.status_mutation_id, `${where}: status of milestone ${milestoneId}`).toBe(winner.id)
  }
}
