import type { EntityType } from '../../shared/entities'

/**
 * The plan a synced row belongs to, as SQL over the row (aliased `t`), for every type that
 * belongs to one: what keeps a draft plan's records on plan admins' devices (pull.ts) and
 * what approving it publishes again (src/server/plans/lifecycle/republish.ts). One list, so the two never
 * disagree about what "keyed to a draft plan" means.
 */
const actionPlan = (actionId: string) => `(select a.plan_id from actions a where a.id = ${actionId})`
const milestonePlan = (milestoneId: string) =>
  `(select a.plan_id from milestones m join actions a on a.id = m.action_id where m.id = ${milestoneId})`
const planRecordPlan = `case t.entity_type
    when 'plan' then t.entity_id
    when 'theme' then (select x.plan_id from themes x where x.id = t.entity_id)
    when 'measure' then (select x.plan_id from measures x where x.id = t.entity_id)
    when 'risk' then (select x.plan_id from risks x where x.id = t.entity_id)
    when 'recommendation' then (select x.plan_id from recommendations x where x.id = t.entity_id)
  end`

export const planOfRow: Partial<Record<EntityType, string>> = {
  plan: 't.id',
  theme: 't.plan_id',
  action: 't.plan_id',
  measure: 't.plan_id',
  risk: 't.plan_id',
  recommendation: 't.plan_id',
  section: 't.plan_id',
  reportLock: 't.plan_id',
  milestone: actionPlan('t.action_id'),
  assignment: `coalesce(${actionPlan('t.action_id')}, ${milestonePlan('t.milestone_id')})`,
  progressUpdate: actionPlan('t.action_id'),
  evidence: actionPlan('t.action_id'),
  attachment: `(select a.plan_id from evidence e join actions a on a.id = e.action_id where e.id = t.evidence_id)`,
  // An action's and a milestone's history name the action; the rest name the record itself.
  history: `coalesce(${actionPlan('t.action_id')}, ${planRecordPlan})`,
}

/**
 * The pull's condition that a row is not part of a draft plan, unless the reader (`$7`)
 * is a plan admin: practitioners see approved plans, admins drafts too.
 */
export function notDraftUnlessAdmin(type: EntityType): string {
  if (type === 'plan') return `and ($7 or t.status <> 'draft')`
  const plan = planOfRow[type]
  if (!plan) return ''
  return `and ($7 or not exists (select 1 from plans d where d.id = ${plan} and d.status = 'draft'))`
}
