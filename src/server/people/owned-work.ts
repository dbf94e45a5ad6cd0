import type { Queryable } from '../db/database'
import type { OwnedWork } from '../../shared/people-admin'

/** The actions a person leads, the milestones they own and what is assigned to them: what a leaver leaves to hand on. */
export async function ownedWork(db: Queryable, orgId: string, personId: string): Promise<OwnedWork> {
  const [actions, milestones, assignments] = await Promise.all([
    db.query<{ id: string; code: string; description: string }>(
      'select id, code, description from actions where org_id = $1 and lead_person_id = $2 order by code, id',
      [orgId, personId],
    ),
    db.query<{ id: string; title: string; action_code: string }>(
      `select m.id, m.title, a.code as action_code
         from milestones m join actions a on a.id = m.action_id
        where m.org_id = $1 and m.owner_person_id = $2 order by a.code, m.title, m.id`,
      [orgId, personId],
    ),
    db.query<{ id: string; action_id: string; action_code: string; milestone_title: string | null }>(
      `select s.id, a.id as action_id, a.code as action_code, m.title as milestone_title
         from assignments s
         left join milestones m on m.id = s.milestone_id
         join actions a on a.id = coalesce(s.action_id, m.action_id)
        where s.org_id = $1 and s.person_id = $2 order by a.code, m.title nulls first, s.id`,
      [orgId, personId],
    ),
  ])
  return {
    actions,
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, actionCode: m.action_code })),
    assignments: assignments.map((s) => ({
      id: s.id,
      actionId: s.action_id,
      actionCode: s.action_code,
      milestoneTitle: s.milestone_title,
    })),
  }
}
