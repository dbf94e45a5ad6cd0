import type { Queryable } from '../db/database'
import type { Mutation } from '../../shared/sync/mutations'
import { referencedIds } from './referenced-ids'
import type { Person } from '../../shared/entities'
import type { BatchContext } from '../../shared/changes/batch-context'
import { surveySchema } from '../../shared/surveys'
import { rowToRecord, tableOf } from '../db/tables'
import { editableTypes } from '../../shared/plans/editable-records'
import { closedAmong } from '../surveys/closed'
import { answeredAmong } from '../surveys/participation'
import { liveUpload } from '../attachments/uploads'
import { byIds } from './batch-query'
import { readWorkContext } from './work-context'
import { readPlanRecords } from './plan-record-context'
import { readEarlierVersions } from './lifecycle-context'

const planRecordTables = editableTypes.map((type) => tableOf[type])

export async function loadContext(
  tx: Queryable,
  orgId: string,
  mutations: Mutation[],
  who: Pick<Person, 'id' | 'teamIds' | 'managesTeamIds'>,
): Promise<BatchContext> {
  const ids = referencedIds(mutations)
  const assignmentRows = await byIds<{
    id: string
    action_id: string | null
    milestone_id: string | null
    person_id: string | null
    team_id: string | null
  }>(
    tx,
    'select id, action_id, milestone_id, person_id, team_id from assignments where org_id = $1 and id = any($2::uuid[])',
    orgId,
    ids.assignmentIds,
  )
  const assignments = new Map(
    assignmentRows.map((r) => [
      r.id,
      { actionId: r.action_id, milestoneId: r.milestone_id, personId: r.person_id, teamId: r.team_id },
    ]),
  )
  for (const a of assignments.values()) {
    if (a.actionId) ids.actionIds.add(a.actionId)
    if (a.milestoneId) ids.milestoneIds.add(a.milestoneId)
    if (a.personId) ids.personIds.add(a.personId)
  }

  const { actions, milestones, scopes } = await readWorkContext(tx, orgId, ids)
  const planRecords = await readPlanRecords(tx, orgId, ids)
  const earlierVersions = await readEarlierVersions(tx, orgId, mutations)

  const peopleRows = await byIds<{ id: string; team_ids: string[] }>(
    tx,
    'select id, team_ids from people where org_id = $1 and id = any($2::uuid[])',
    orgId,
    ids.personIds,
  )
  const teamRows = await byIds<{ id: string }>(
    tx,
    'select id from teams where org_id = $1 and id = any($2::uuid[])',
    orgId,
    ids.teamIds,
  )
  const attachmentRows = await byIds<{
    id: string
    uploaded_by: string
    name: string
    size: number
    received_bytes: number
    evidence_id: string | null
    media_type: string
  }>(
    tx,
    `select id, uploaded_by, name, size, received_bytes, evidence_id, media_type from attachments
      where org_id = $1 and id = any($2::uuid[]) and ${liveUpload} order by id for update`,
    orgId,
    ids.attachmentIds,
  )
  // Across every organisation: ids are made on devices, and a clash must be refused, not crash the batch.
  const taken = ids.newRecordIds.size
    ? await tx.query<{ id: string }>(
        `select id from progress_updates where id = any($1::uuid[])
         union all select id from evidence where id = any($1::uuid[])
         union all select id from assignments where id = any($1::uuid[])
         union all select id from surveys where id = any($1::uuid[])
         union all select id from reminders where id = any($1::uuid[])
         ${planRecordTables.map((table) => `union all select id from ${table} where id = any($1::uuid[])`).join(' ')}`,
        [[...ids.newRecordIds]],
      )
    : []
  const surveyRows = await byIds<{ data: Record<string, unknown> }>(
    tx,
    'select to_jsonb(s) as data from surveys s where org_id = $1 and id = any($2::uuid[]) order by id for update',
    orgId,
    ids.surveyIds,
  )
  // Read after the surveys' locks are held, so a close committed meanwhile is seen.
  const answered = await answeredAmong(tx, who.id, [...ids.surveyIds])
  const closedSurveys = await closedAmong(tx, [...ids.surveyIds])
  const teamAreaRows =
    ids.surveyIds.size && who.teamIds.length
      ? await tx.query<{ id: string; area_id: string }>('select id, area_id from teams where id = any($1::uuid[])', [
          who.teamIds,
        ])
      : []
  const assigning = mutations.some((m) => m.kind === 'assignment.add' || m.kind === 'assignment.remove')
  const managedAreaRows = await byIds<{ area_id: string }>(
    tx,
    'select distinct area_id from teams where org_id = $1 and id = any($2::uuid[])',
    orgId,
    new Set(assigning ? who.managesTeamIds : []),
  )
  const areaRows = await byIds<{ id: string }>(
    tx,
    'select id from areas where org_id = $1 and id = any($2::uuid[])',
    orgId,
    ids.areaIds,
  )
  const measureRows = await byIds<{ id: string }>(
    tx,
    'select id from measures where org_id = $1 and id = any($2::uuid[])',
    orgId,
    ids.measureIds,
  )
  const reminderRows = await byIds<{ id: string; person_id: string; dismissed_at: string | null }>(
    tx,
    'select id, person_id, dismissed_at from reminders where org_id = $1 and id = any($2::uuid[])',
    orgId,
    ids.reminderIds,
  )
  return {
    reminders: new Map(reminderRows.map((r) => [r.id, { personId: r.person_id, dismissedAt: r.dismissed_at }])),
    planRecords,
    earlierVersions,
    areas: new Set(areaRows.map((r) => r.id)),
    measures: new Set(measureRows.map((r) => r.id)),
    surveys: new Map(
      surveyRows.map((r) => {
        const survey = surveySchema.parse(rowToRecord(r.data))
        return [survey.id, survey]
      }),
    ),
    answered,
    closedSurveys,
    areaOfTeam: new Map(teamAreaRows.map((r) => [r.id, r.area_id])),
    managedAreaIds: managedAreaRows.map((r) => r.area_id),
    takenIds: new Set(taken.map((r) => r.id)),
    actions,
    milestones,
    scopes,
    people: new Map(peopleRows.map((r) => [r.id, { teamIds: r.team_ids }])),
    teams: new Set(teamRows.map((r) => r.id)),
    assignments,
    attachments: new Map(
      attachmentRows.map((r) => [
        r.id,
        {
          uploadedBy: r.uploaded_by,
          name: r.name,
          size: Number(r.size),
          receivedBytes: Number(r.received_bytes),
          evidenceId: r.evidence_id,
          mediaType: r.media_type,
        },
      ]),
    ),
  }
}
