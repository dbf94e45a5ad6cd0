import type { Queryable } from '../db/database'
import type { Mutation } from '../../shared/sync/mutations'
import { referencedIds } from './referenced-ids'
import type { Person, WorkStatus } from '../../shared/entities'
import type { BatchContext } from '../../shared/changes/batch-context'
import { surveySchema } from '../../shared/surveys'
import { rowToRecord } from '../db/tables'
import { closedAmong } from '../surveys/closed'
import { answeredAmong } from '../surveys/participation'
import { liveUpload } from '../attachments/uploads'

/**
 * Reads the actions or milestones a batch refers to, locking (in id order) only those whose
 * status it sets: the status rule reads and then writes those. The rest are read unlocked,
 * so people posting on the same projects at once do not queue behind one another. Locked
 * rows come from the locking read itself: after waiting for a lock, only it sees the newer row.
 */
async function readWork<Row>(
  tx: Queryable,
  table: 'actions' | 'milestones',
  columns: string,
  orgId: string,
  ids: Set<string>,
  statusIds: Set<string>,
): Promise<Row[]> {
  if (!ids.size) return []
  return tx.query<Row>(
    `with locked as materialized (select ${columns} from ${table} where org_id = $1 and id = any($3::uuid[]) order by id for update)
     select * from locked
     union all
     select ${columns} from ${table} where org_id = $1 and id = any($2::uuid[]) and not id = any($3::uuid[])`,
    [orgId, [...ids], [...ids].filter((id) => statusIds.has(id))],
  )
}

/** Runs `sql` with `ids` as $2, or skips the round trip when there are none. */
async function byIds<Row>(tx: Queryable, sql: string, orgId: string, ids: Set<string>): Promise<Row[]> {
  return ids.size ? tx.query<Row>(sql, [orgId, [...ids]]) : []
}

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

  const milestoneRows = await readWork<{
    id: string
    action_id: string
    status: WorkStatus
    status_set_at: string | null
    status_mutation_id: string | null
  }>(
    tx,
    'milestones',
    'id, action_id, status, status_set_at, status_mutation_id',
    orgId,
    ids.milestoneIds,
    ids.statusIds,
  )
  const milestones = new Map(
    milestoneRows.map((r) => [
      r.id,
      {
        id: r.id,
        actionId: r.action_id,
        status: r.status,
        statusSetAt: r.status_set_at,
        statusMutationId: r.status_mutation_id,
      },
    ]),
  )
  for (const m of milestones.values()) ids.actionIds.add(m.actionId)

  const actionRows = await readWork<{
    id: string
    lead_team_id: string | null
    lead_person_id: string | null
    area_ids: string[]
    status: WorkStatus
    status_set_at: string | null
    status_mutation_id: string | null
  }>(
    tx,
    'actions',
    'id, lead_team_id, lead_person_id, area_ids, status, status_set_at, status_mutation_id',
    orgId,
    ids.actionIds,
    ids.statusIds,
  )
  const actions = new Map(
    actionRows.map((r) => [
      r.id,
      {
        id: r.id,
        leadTeamId: r.lead_team_id,
        leadPersonId: r.lead_person_id,
        areaIds: r.area_ids,
        status: r.status,
        statusSetAt: r.status_set_at,
        statusMutationId: r.status_mutation_id,
      },
    ]),
  )

  // Who each action is assigned to, directly or through one of its milestones.
  // Two index lookups (by action, and by the action's milestones), so the cost does not grow with the table.
  const scopeRows = await byIds<{
    action_id: string
    person_id: string | null
    team_id: string | null
    person_team_ids: string[] | null
  }>(
    tx,
    `select s.action_id, s.person_id, s.team_id, p.team_ids as person_team_ids
       from (select a.action_id, a.person_id, a.team_id from assignments a where a.org_id = $1 and a.action_id = any($2::uuid[])
             union all
             select m.action_id, a.person_id, a.team_id from milestones m join assignments a on a.milestone_id = m.id
              where m.org_id = $1 and m.action_id = any($2::uuid[])) s
       left join people p on p.id = s.person_id`,
    orgId,
    new Set(actions.keys()),
  )
  const scopes: BatchContext['scopes'] = new Map()
  for (const action of actions.values()) {
    scopes.set(action.id, {
      leadTeamId: action.leadTeamId,
      leadPersonId: action.leadPersonId,
      areaIds: action.areaIds,
      assignedPersonIds: new Set(),
      assignedTeamIds: new Set(),
      teamsOfAssignedPeople: [],
    })
  }
  for (const row of scopeRows) {
    const scope = scopes.get(row.action_id)
    if (!scope) continue
    if (row.person_id) (scope.assignedPersonIds as Set<string>).add(row.person_id)
    if (row.team_id) (scope.assignedTeamIds as Set<string>).add(row.team_id)
    scope.teamsOfAssignedPeople.push(...(row.person_team_ids ?? []))
  }

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
         union all select id from surveys where id = any($1::uuid[])`,
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
  return {
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
