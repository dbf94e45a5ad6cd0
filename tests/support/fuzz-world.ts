import type { FastifyInstance } from 'fastify'
import type { Queryable } from '../../src/server/db/database'
import type { FuzzWorld } from './fuzz-mutations'

/**
 * What a fuzz run needs from the server it fuzzes: the records generated changes refer
 * to, and a fingerprint of everything stored, to tell whether a request wrote anything.
 */

export interface Fingerprint {
  counts: Record<string, number>
  changeSeq: number
  /** Status writes change no count. */
  statuses: string
}

// The sign-in machinery records refusals and touches sessions by design (throttling, last use).
const signInBookkeeping = /^(sessions|sign_in_|oidc_)/
const fingerprintSql = new WeakMap<Queryable, string>()

async function sqlFor(db: Queryable): Promise<string> {
  const known = fingerprintSql.get(db)
  if (known) return known
  const tables = await db.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  )
  const counts = tables
    .filter((t) => !signInBookkeeping.test(t.name))
    .map((t) => `(select count(*) from ${t.name})::int as "${t.name}"`)
  const statuses = (table: string) =>
    `(select md5(coalesce(string_agg(id::text || status || coalesce(status_mutation_id::text, ''), ',' order by id), '')) from ${table})`
  const sql = `select ${counts.join(', ')}, (select coalesce(sum(change_seq), 0) from organisations)::text as change_seq,
                      ${statuses('actions')} || ${statuses('milestones')} as statuses`
  fingerprintSql.set(db, sql)
  return sql
}

/** Every table's row count (but sign-in bookkeeping's), the organisations' change numbers, and every status. */
export async function tableFingerprint(db: Queryable): Promise<Fingerprint> {
  const [row] = await db.query<Record<string, number | string>>(await sqlFor(db))
  const { change_seq: changeSeq, statuses, ...counts } = row!
  return { counts: counts as Record<string, number>, changeSeq: Number(changeSeq), statuses: String(statuses) }
}

const jpegStart = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])

/** The demo organisation's records, and a few finished uploads evidence can use. */
export async function loadFuzzWorld(
  app: FastifyInstance,
  db: Queryable,
  cookies: Record<'practitioner' | 'manager' | 'admin', string>,
): Promise<FuzzWorld> {
  const [org] = await db.query<{ id: string }>("select id from organisations where short_name = 'AfC'")
  const ids = async (table: string) =>
    (await db.query<{ id: string }>(`select id from ${table} where org_id = $1 order by id`, [org!.id])).map(
      (r) => r.id,
    )
  const uploads: FuzzWorld['uploads'] = []
  for (const role of ['admin', 'admin', 'manager', 'practitioner'] as const) {
    const id = crypto.randomUUID()
    const response = await app.inject({
      method: 'PUT',
      url: `/api/attachments/${id}/chunks?offset=0&size=${jpegStart.length}&name=photo.jpg&type=image/jpeg`,
      headers: { cookie: cookies[role], 'content-type': 'application/octet-stream' },
      payload: jpegStart,
    })
    if (response.statusCode !== 200) throw new Error(`upload for the fuzz world failed: ${response.body}`)
    uploads.push({ id, name: 'photo.jpg', mediaType: 'image/jpeg', size: jpegStart.length })
  }
  const [plan] = await db.query<{ id: string }>(
    "select id from plans where org_id = $1 and status = 'approved' order by id limit 1",
    [org!.id],
  )
  const adminMakes = async (kind: string, data: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { cookie: cookies.admin },
      payload: {
        mutations: [{ id: crypto.randomUUID(), deviceId: 'fuzz-world', madeAt: new Date().toISOString(), kind, data }],
      },
    })
    if ((response.json() as { results: { outcome: string }[] }).results[0]?.outcome !== 'applied')
      throw new Error(`making the fuzz world (${kind}) failed: ${response.body}`)
  }
  // AfC's plans give no risks: one made by the plan admin, as the app makes them, for ratings to rate.
  await adminMakes('record.create', {
    type: 'risk',
    id: crypto.randomUUID(),
    fields: { planId: plan!.id, description: 'Caseloads above the agreed maximum', position: 0 },
  })
  // Draft plans of its own for lifecycle steps: approving, superseding or archiving a demo plan would make it read-only.
  const draftPlans: string[] = []
  for (const title of ['Fuzz plan A', 'Fuzz plan B', 'Fuzz plan C']) {
    const id = crypto.randomUUID()
    await adminMakes('record.create', { type: 'plan', id, fields: { title, kind: 'service-plan', versionLabel: '1' } })
    draftPlans.push(id)
  }
  // Work completed before its plan came to ask for sign-off awaits it: for sign-offs to sign off.
  const [done] = await db.query<{ ids: string[] }>(
    'select array_agg(id order by id) as ids from (select id from actions where plan_id = $1 order by id limit 3) a',
    [plan!.id],
  )
  for (const entityId of done!.ids) await adminMakes('status.set', { entity: 'action', entityId, status: 'complete' })
  await adminMakes('record.edit', { type: 'plan', id: plan!.id, fields: { signOffRequired: true } })
  // A reminder to each person the fuzz signs in as, for their dismissals to dismiss.
  const reminders: string[] = []
  for (const role of ['practitioner', 'manager', 'admin'] as const) {
    const [person] = await db.query<{ id: string }>('select person_id as id from accounts where email = $1', [
      `${role}@demo.local`,
    ])
    const id = crypto.randomUUID()
    await adminMakes('reminder.send', { id, personId: person!.id, message: null, actionIds: [], milestoneIds: [] })
    reminders.push(id)
  }
  const surveys = await db.query<FuzzWorld['surveys'][number]>(
    'select id, questions, current_date between opens_on and closes_on as open from surveys where org_id = $1',
    [org!.id],
  )
  return {
    actions: await ids('actions'),
    milestones: await ids('milestones'),
    teams: await ids('teams'),
    areas: await ids('areas'),
    people: await ids('people'),
    measures: await ids('measures'),
    risks: await ids('risks'),
    draftPlans,
    reminders,
    awaitingSignOff: done!.ids,
    values: await ids('org_values'),
    surveys,
    assignments: await ids('assignments'),
    uploads,
    sent: [],
  }
}
