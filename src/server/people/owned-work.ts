import type { Queryable } from '../db/database'
import type { OwnedWork } from '../../shared/people-admin'

// Work in plans still in use: a superseded or archived plan is kept as it was, so nothing in it is handed on.
const live = (record: string, plan = 'p') => `${record}.archived_at is null and ${plan}.status in ('draft', 'approved')`

/**
 * The actions a person leads, the milestones, measures and risks they own and what is
 * assigned to them: what a leaver leaves to hand on.
 */
export async function ownedWork(db: Queryable, orgId: string, personId: string): Promise<OwnedWork> {
  const [actions, milestones, measures, risks, assignments] = await Promise.all([
    db.query<{ id: string; code: string; description: string }>(
      `select a.id, a.code, a.description from actions a join plans p on p.id = a.plan_id
        where a.org_id = $1 and a.lead_person_id = $2 and ${live('a')} order by a.code, a.id`,
      [orgId, personId],
    ),
    db.query<{ id: string; title: string; action_code: string }>(
      `select m.id, m.title, a.code as action_code
         from milestones m join actions a on a.id = m.action_id join plans p on p.id = a.plan_id
        where m.org_id = $1 and m.owner_person_id = $2 and ${live('m')} order by a.code, m.title, m.id`,
      [orgId, personId],
    ),
    db.query<{ id: string; title: string }>(
      `select m.id, m.title from measures m join plans p on p.id = m.plan_id
        where m.org_id = $1 and m.owner_person_id = $2 and ${live('m')} order by m.title, m.id`,
      [orgId, personId],
    ),
    db.query<{ id: string; title: string }>(
      `select r.id, coalesce(r.title, r.description) as title from risks r join plans p on p.id = r.plan_id
        where r.org_id = $1 and r.owner_person_id = $2 and ${live('r')} order by r.position, r.id`,
      [orgId, personId],
    ),
    db.query<{
      id: string
      action_id: string
      action_code: string
      milestone_id: string | null
      milestone_title: string | null
    }>(
      `select s.id, a.id as action_id, a.code as action_code, m.id as milestone_id, m.title as milestone_title
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
    measures,
    risks,
    assignments: assignments.map((s) => ({
      id: s.id,
      actionId: s.action_id,
      actionCode: s.action_code,
      milestoneId: s.milestone_id,
      milestoneTitle: s.milestone_title,
    })),
  }
}
