import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Queryable } from '../../src/server/db/database'
import type { MutationKind, PushResult } from '../../src/shared/sync/mutations'
import type { PullResponse } from '../../src/shared/sync/protocol'

/** The demo organisation as tests of pushes need it: who is who, and the ids of the work they touch. */
export interface DemoIds {
  orgId: string
  person: Record<'practitioner' | 'manager' | 'admin' | 'viewer', string>
  /** People by name, including those with no account. */
  personByName: Map<string, string>
  team: (name: string) => string
  action: (code: string) => string
  milestone: (title: string) => string
}

export async function demoIds(db: Queryable): Promise<DemoIds> {
  const [org] = await db.query<{ id: string }>('select id from organisations order by name limit 1')
  const accounts = await db.query<{ email: string; person_id: string }>('select email, person_id from accounts')
  const byEmail = new Map(accounts.map((a) => [a.email, a.person_id]))
  const people = await db.query<{ id: string; name: string }>('select id, name from people')
  const teams = new Map(
    (await db.query<{ id: string; name: string }>('select id, name from teams')).map((t) => [t.name, t.id]),
  )
  const actions = new Map(
    (await db.query<{ id: string; code: string }>('select id, code from actions where org_id = $1', [org!.id])).map(
      (a) => [a.code, a.id],
    ),
  )
  const milestones = new Map(
    (await db.query<{ id: string; title: string }>('select id, title from milestones')).map((m) => [m.title, m.id]),
  )
  const must = (map: Map<string, string>, key: string) => {
    const id = map.get(key)
    if (!id) throw new Error(`No demo record "${key}"`)
    return id
  }
  return {
    orgId: org!.id,
    person: {
      practitioner: must(byEmail, 'practitioner@demo.local'),
      manager: must(byEmail, 'manager@demo.local'),
      admin: must(byEmail, 'admin@demo.local'),
      viewer: must(byEmail, 'viewer@demo.local'),
    },
    personByName: new Map(people.map((p) => [p.name, p.id])),
    team: (name) => must(teams, name),
    action: (code) => must(actions, code),
    milestone: (title) => must(milestones, title),
  }
}

export const demoTeamNames = {
  kingstonDisabilities: 'Kingston Children with Disabilities Team',
  richmondSend: 'Richmond SEND Casework Team',
} as const

export const demoMilestones = {
  protocol: 'A revised transitions protocol has been agreed',
  year10: 'Every Year 10 young person with SEND has a transition plan',
  adultPanel: 'Joint transitions panel with adult social care meets monthly',
} as const

/** A mutation as a device would send it. */
export function change(
  kind: MutationKind | string,
  data: Record<string, unknown>,
  options: { id?: string; madeAt?: string; deviceId?: string } = {},
): { id: string; kind: string; deviceId: string; madeAt: string; data: Record<string, unknown> } {
  return {
    id: options.id ?? randomUUID(),
    deviceId: options.deviceId ?? 'test-device',
    madeAt: options.madeAt ?? new Date().toISOString(),
    kind,
    data,
  }
}

export const progress = (
  actionId: string,
  rag: 'green' | 'amber' | 'red' = 'green',
  commentary = 'Work is going to plan this quarter.',
) => ({
  id: randomUUID(),
  actionId,
  rag,
  commentary,
})
export const evidenceNote = (
  actionId: string,
  note = 'Minutes of the planning meeting.',
  attachments: unknown[] = [],
  milestoneId: string | null = null,
) => ({
  id: randomUUID(),
  actionId,
  milestoneId,
  note,
  attachments,
})

export interface PushReply {
  statusCode: number
  results: PushResult[]
  body: Record<string, unknown>
}

export async function pushInject(
  app: FastifyInstance,
  cookie: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<PushReply> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...(cookie ? { cookie } : {}), ...headers },
    payload: body as Record<string, unknown>,
  })
  const json = response.body ? (response.json() as Record<string, unknown>) : {}
  return { statusCode: response.statusCode, results: (json.results as PushResult[]) ?? [], body: json }
}

export async function pullInject(app: FastifyInstance, cookie: string, since = 0): Promise<PullResponse> {
  const response = await app.inject({ method: 'GET', url: `/api/sync/pull?since=${since}`, headers: { cookie } })
  if (response.statusCode !== 200) throw new Error(`pull failed: ${response.body}`)
  return response.json()
}

/** A single number from a count query. */
export async function count(db: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await db.query<{ n: number | string }>(sql, params)
  return Number(rows[0]!.n)
}

/** Everything a push can write, as one fingerprint: equal fingerprints mean nothing was written. */
export async function writeFingerprint(db: Queryable) {
  const rows = await db.query<Record<string, number | string>>(
    `select (select coalesce(sum(change_seq), 0) from organisations) as seq,
            (select count(*) from progress_updates) as progress,
            (select count(*) from evidence) as evidence,
            (select count(*) from assignments) as assignments,
            (select count(*) from tombstones) as tombstones,
            (select count(*) from history) as history,
            (select count(*) from applied_mutations) as applied,
            (select count(*) from attachments) as attachments,
            (select string_agg(id || status || coalesce(status_mutation_id::text, ''), ',' order by id) from milestones) as milestones,
            (select md5(string_agg(id || status || coalesce(status_mutation_id::text, ''), ',' order by id)) from actions) as actions`,
  )
  return Object.fromEntries(
    Object.entries(rows[0]!).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
  )
}

/**
 * Device times for changes, a second apart and in order, starting in the recent past so the
 * server takes each as made before it arrived.
 */
export function madeAtClock(minutesAgo = 30): () => string {
  let clock = Date.now() - minutesAgo * 60_000
  return () => new Date((clock += 1000)).toISOString()
}

/** The organisation's first approved plan by title: what tests that edit a plan work on. */
export async function firstApprovedPlanId(db: Queryable, orgId: string): Promise<string> {
  const [plan] = await db.query<{ id: string }>(
    `select id from plans where org_id = $1 and status = 'approved' order by title limit 1`,
    [orgId],
  )
  if (!plan) throw new Error('The organisation has no approved plan')
  return plan.id
}
