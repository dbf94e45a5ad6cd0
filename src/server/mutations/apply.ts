import type { Database, Queryable } from '../db/database'
import { mutationSchema, type Mutation, type PushResult } from '../../shared/sync/mutations'
import type { Viewer } from '../auth/viewer'
import type { DeviceKind } from '../../shared/delivery-records'
import { loadContext } from './context'
import { write } from './writes'
import type { Decision } from '../../shared/changes/decision'
import { decide } from './decide'

function invalidReason(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => issue.message).join(' ')
}

/**
 * Applies a push: each mutation at most once, in the order sent, all in one
 * transaction. A mutation that is invalid or not allowed is refused on its own and
 * writes nothing; the rest still apply. The ids of applied mutations are recorded in
 * the same transaction as their changes, so a retry after a lost response is answered
 * from the record and never applied twice. Ids are compared in their canonical (lower
 * case) form, which the shared schemas give them, as PostgreSQL answers with it.
 * `deviceKind` is the sending device's, as its browser says: history shows it.
 */
export async function applyPush(
  db: Database,
  viewer: Viewer,
  items: { id: string }[],
  deviceKind: DeviceKind | null = null,
): Promise<PushResult[]> {
  const receivedAt = new Date().toISOString()
  // One slot per id, in the order first sent: a mutation sent twice in one push is answered once.
  const slots = new Map<string, { refusal: PushResult } | { mutation: Mutation }>()
  for (const item of items) {
    const parsed = mutationSchema.safeParse(item)
    const id = parsed.success ? parsed.data.id : item.id
    if (slots.has(id)) continue
    slots.set(
      id,
      parsed.success
        ? { mutation: parsed.data }
        : { refusal: { id, outcome: 'refused', reason: invalidReason(parsed.error.issues) } },
    )
  }
  const candidates = [...slots.values()].flatMap((slot) => ('mutation' in slot ? [slot.mutation] : []))

  const answers = await db.transaction(async (tx) => {
    const claimed = await claim(
      tx,
      viewer,
      candidates.map((m) => m.id),
    )
    const answers = await earlierOutcomes(
      tx,
      viewer,
      candidates.filter((m) => !claimed.has(m.id)).map((m) => m.id),
    )
    const fresh = candidates.filter((m) => claimed.has(m.id))
    if (!fresh.length) return answers
    const context = await loadContext(tx, viewer.orgId, fresh, viewer.person)
    const decisions = fresh.map((mutation) => ({ mutation, decision: decide(mutation, viewer, context, receivedAt) }))
    await write(tx, viewer, decisions, receivedAt, deviceKind)
    for (const { mutation, decision } of decisions) {
      answers.set(mutation.id, {
        id: mutation.id,
        outcome: decision.outcome,
        ...(decision.reason ? { reason: decision.reason } : {}),
      })
    }
    await recordOutcomes(tx, decisions)
    return answers
  })
  // Every slot has its answer: a candidate was either claimed and decided, or found in the record.
  return [...slots].map(([id, slot]) => ('refusal' in slot ? slot.refusal : (answers.get(id) ?? unrecorded(id))))
}

/**
 * A claim that lost to another push whose record has since gone: no committed push
 * leaves that, but if it happens the person hears so and can send the change again.
 */
const unrecorded = (id: string): PushResult => ({
  id,
  outcome: 'refused',
  reason: 'The server could not find its record of this change. Try sending it again.',
})

/** Claims the mutation ids; an id some earlier (or concurrent, now committed) push holds is not returned. */
async function claim(tx: Queryable, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = await tx.query<{ id: string }>(
    // In id order: two pushes claiming overlapping ids in different orders would deadlock.
    `insert into applied_mutations (id, org_id, person_id, outcome)
     select id, $2, $3, 'applied' from unnest($1::uuid[]) as id order by id
     on conflict (id) do nothing returning id`,
    [ids, viewer.orgId, viewer.person.id],
  )
  return new Set(rows.map((r) => r.id))
}

/** The stored outcome of each id claimed before, by id. */
async function earlierOutcomes(tx: Queryable, viewer: Viewer, ids: string[]): Promise<Map<string, PushResult>> {
  if (!ids.length) return new Map()
  const rows = await tx.query<{ id: string; person_id: string; outcome: PushResult['outcome']; reason: string | null }>(
    'select id, person_id, outcome, reason from applied_mutations where id = any($1::uuid[])',
    [ids],
  )
  return new Map(
    rows.map((row): [string, PushResult] => [
      row.id,
      row.person_id === viewer.person.id
        ? { id: row.id, outcome: row.outcome, repeated: true, ...(row.reason ? { reason: row.reason } : {}) }
        : { id: row.id, outcome: 'refused', reason: 'This change id was already used by someone else.' },
    ]),
  )
}

/**
 * Ids were claimed as applied; superseded ones are corrected here, and refused ones are
 * released, so a retry is judged afresh. (The claim commits with the rest or not at all.)
 */
async function recordOutcomes(tx: Queryable, decisions: { mutation: Mutation; decision: Decision }[]) {
  const refused = decisions.filter((d) => d.decision.outcome === 'refused').map((d) => d.mutation.id)
  if (refused.length) await tx.query('delete from applied_mutations where id = any($1::uuid[])', [refused])
  const kept = decisions.filter((d) => d.decision.outcome === 'superseded')
  if (!kept.length) return
  await tx.query(
    `update applied_mutations a set outcome = v.outcome, reason = v.reason
       from unnest($1::uuid[], $2::text[], $3::text[]) as v(id, outcome, reason) where a.id = v.id`,
    [kept.map((d) => d.mutation.id), kept.map((d) => d.decision.outcome), kept.map((d) => d.decision.reason ?? null)],
  )
}
