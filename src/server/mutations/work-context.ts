import type { Queryable } from '../db/database'
import type { WorkStatus } from '../../shared/entities'
import type { BatchContext } from '../../shared/changes/batch-context'
import type { References } from '../../shared/changes/references'
import { byIds } from './batch-query'

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

/**
 * The work a batch refers to: its actions and milestones (locking those whose status it sets),
 * and who each action is assigned to. Adds the milestones' actions to `ids`.
 */
export async function readWorkContext(
  tx: Queryable,
  orgId: string,
  ids: References,
): Promise<Pick<BatchContext, 'actions' | 'milestones' | 'scopes'>> {
  const milestoneRows = await readWork<{
    id: string
    action_id: string
    status: WorkStatus
    status_set_at: string | null
    status_mutation_id: string | null
    owner_person_id: string | null
    signed_off_by: string | null
  }>(
    tx,
    'milestones',
    'id, action_id, status, status_set_at, status_mutation_id, owner_person_id, signed_off_by',
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
        ownerPersonId: r.owner_person_id,
        signedOffBy: r.signed_off_by,
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
    plan_status: string
    sign_off_required: boolean
    signed_off_by: string | null
  }>(
    tx,
    'actions',
    `id, lead_team_id, lead_person_id, area_ids, status, status_set_at, status_mutation_id, signed_off_by,
     (select p.status from plans p where p.id = plan_id) as plan_status,
     (select p.sign_off_required from plans p where p.id = plan_id) as sign_off_required`,
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
        planStatus: r.plan_status,
        signOffRequired: r.sign_off_required,
        signedOffBy: r.signed_off_by,
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
      planStatus: action.planStatus,
      signOffRequired: action.signOffRequired,
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

  return { actions, milestones, scopes }
}
