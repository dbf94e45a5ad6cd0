import type { Plan, Role } from '../../../shared/entities'

/** Drafts are work in progress: only plan admins see them. */
export const planShownTo = (plan: Pick<Plan, 'status'>, role: Role | undefined) =>
  plan.status !== 'draft' || role === 'admin'

const statusRank: Record<Plan['status'], number> = { approved: 0, draft: 1, superseded: 2, archived: 3 }

/** Current (approved) plans first, then drafts, then those replaced or put away; the latest period first within each. */
export function sortPlans(plans: Plan[]): Plan[] {
  return [...plans].sort(
    (a, b) =>
      statusRank[a.status] - statusRank[b.status] ||
      (b.periodStart ?? '').localeCompare(a.periodStart ?? '') ||
      a.title.localeCompare(b.title),
  )
}

export const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position
