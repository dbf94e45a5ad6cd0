import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import { insertRecords, insertRecordsTogether, tableOf, updateRecord } from '../db/tables'
import { editableTypes } from '../../shared/plans/editable-records'
import { reserveVersions } from '../db/versions'
import type { Mutation } from '../../shared/sync/mutations'
import { effectiveMadeAt } from '../../shared/sync/status-rule'
import type { Viewer } from '../auth/viewer'
import type { DeviceKind } from '../../shared/delivery-records'
import type { Decision, Write } from '../../shared/changes/decision'
import { closeSurvey } from '../surveys/closing'
import { recordParticipation } from '../surveys/participation'
import { addResponse } from '../surveys/responses'
import { republishPlan } from '../plans/lifecycle/republish'

// A plan's republishing reserves its own, once it has counted the records.
const versionsNeeded = (write: Write) =>
  write.kind === 'publish-attachments'
    ? write.ids.length
    : write.kind === 'survey-response' || write.kind === 'republish-plan'
      ? 0
      : 1

/** Carries out the decided writes of a push, with their history, in the push's transaction. */
export async function write(
  tx: Queryable,
  viewer: Viewer,
  decisions: { mutation: Mutation; decision: Decision }[],
  receivedAt: string,
  deviceKind: DeviceKind | null,
) {
  const kept = decisions.filter(
    (d): d is { mutation: Mutation; decision: Exclude<Decision, { outcome: 'refused' }> } =>
      d.decision.outcome !== 'refused',
  )
  if (!kept.length) return
  // Later status writes to the same row replace earlier ones of this batch.
  const statusWrites = new Map<string, Extract<Write, { kind: 'status' }>>()
  const otherWrites: Write[] = []
  // Status changes that lost their place to a more recent one: their history says so.
  const overtaken: string[] = []
  for (const { decision } of kept) {
    for (const w of decision.writes) {
      if (w.kind === 'status') {
        statusWrites.set(`${w.table}:${w.id}`, w)
        if (w.replaces) overtaken.push(w.replaces)
      } else otherWrites.push(w)
    }
  }
  const withHistory = kept.filter((d) => d.decision.history !== null)
  const count =
    withHistory.length +
    statusWrites.size +
    overtaken.length +
    otherWrites.reduce((sum, w) => sum + versionsNeeded(w), 0)
  // Reserved last, after every read: the organisation's lock is held only while writing.
  let version = await reserveVersions(tx, viewer.orgId, count)
  const orgId = viewer.orgId

  // Made in the app: one insert per type, parents first (a new action may name a new theme).
  for (const type of editableTypes) {
    const rows = otherWrites.flatMap((w) =>
      w.kind === 'create' && w.entity === type ? [{ ...w.record, orgId, version: version++ }] : [],
    )
    if (rows.length) await insertRecords(tx, tableOf[type], rows)
  }

  const inserts = new Map<string, Record<string, unknown>[]>()
  for (const w of otherWrites) {
    if (w.kind !== 'insert') continue
    let rows = inserts.get(w.table)
    if (!rows) inserts.set(w.table, (rows = []))
    rows.push({ ...w.record, orgId, version: version++ })
  }
  const history = withHistory.map(({ mutation, decision }) => ({
    id: randomUUID(),
    orgId,
    version: version++,
    ...decision.history,
    personId: viewer.person.id,
    deviceId: mutation.deviceId,
    deviceKind,
    mutationId: mutation.id,
    madeAt: effectiveMadeAt(mutation.madeAt, receivedAt),
    receivedAt,
    outcome: decision.outcome,
  }))
  // New records and their history in one round trip: the organisation's counter is held until commit.
  await insertRecordsTogether(tx, [...inserts, ['history', history]])

  for (const table of ['actions', 'milestones'] as const) {
    const rows = [...statusWrites.values()].filter((w) => w.table === table)
    if (!rows.length) continue
    await tx.query(
      // Moving away from complete takes its sign-off with it, whichever change moved it (src/shared/sign-off.ts).
      `update ${table} t set status = v.status, status_set_at = v.made_at, status_set_by = v.by, status_mutation_id = v.mutation_id, version = v.version,
              signed_off_by = case when v.status = 'complete' then t.signed_off_by end,
              signed_off_at = case when v.status = 'complete' then t.signed_off_at end
         from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::bigint[]) as v(id, status, made_at, by, mutation_id, version)
        where t.id = v.id and t.org_id = $7`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.status),
        rows.map((r) => r.madeAt),
        rows.map((r) => r.by),
        rows.map((r) => r.mutationId),
        rows.map(() => version++),
        orgId,
      ],
    )
  }

  for (const w of otherWrites) {
    if (w.kind === 'update') {
      await updateRecord(tx, tableOf[w.entity], w.id, { ...w.fields, version: version++ })
    } else if (w.kind === 'publish-attachments') {
      await tx.query(
        `update attachments a set evidence_id = $1, version = v.version
           from unnest($2::uuid[], $3::bigint[]) as v(id, version) where a.id = v.id and a.org_id = $4`,
        [w.evidenceId, w.ids, w.ids.map(() => version++), orgId],
      )
    } else if (w.kind === 'close-survey') {
      // Closing a survey that has not opened yet closes it before it ever opens.
      await tx.query(
        'update surveys set closes_on = least(closes_on, $2::date), opens_on = least(opens_on, $2::date), version = $3 where id = $1 and org_id = $4',
        [w.id, w.closesOn, version++, orgId],
      )
      await closeSurvey(tx, orgId, w.id)
    } else if (w.kind === 'survey-response') {
      // No person, device, mutation id or time goes with the answers, and nothing pairs them with who answered: see src/server/surveys/.
      await addResponse(tx, w.surveyId, w)
      await recordParticipation(tx, w.surveyId, [viewer.person.id])
    } else if (w.kind === 'republish-plan') {
      await republishPlan(tx, orgId, w.planId)
    } else if (w.kind === 'delete-assignment') {
      await tx.query('delete from assignments where id = $1 and org_id = $2', [w.id, orgId])
      await tx.query(
        `insert into tombstones (org_id, entity_type, entity_id, version) values ($1, 'assignment', $2, $3)
         on conflict (org_id, entity_type, entity_id) do update set version = excluded.version`,
        [orgId, w.id, version++],
      )
    }
  }

  if (overtaken.length) {
    await tx.query(
      `update history h set outcome = 'superseded', version = v.version
         from unnest($1::uuid[], $2::bigint[]) as v(mutation_id, version)
        where h.mutation_id = v.mutation_id and h.org_id = $3 and h.outcome = 'applied'`,
      [overtaken, overtaken.map(() => version++), orgId],
    )
  }
}
