import type { WorkStatus } from '../../../shared/entities'

/** One thing on someone's list: a milestone, or an action with no milestones of its own. */
export interface WorkItem {
  id: string
  kind: 'milestone' | 'action'
  title: string
  actionId: string
  /** The action as a person names it: its code, then its title or description. */
  actionName: string
  /** The plan it is in, shown where the person's work spans more than one. */
  planTitle: string
  dueDate: string | null
  status: WorkStatus
  /** Why it is on the list: "You", or the team's name. */
  assignedTo: string
}

export type DueGroup = 'overdue' | 'due-soon' | 'later' | 'no-date' | 'complete'
export const dueGroups: { group: DueGroup; heading: string }[] = [
  { group: 'overdue', heading: 'Overdue' },
  { group: 'due-soon', heading: 'Due in the next 30 days' },
  { group: 'later', heading: 'Due later' },
  { group: 'no-date', heading: 'No due date' },
  { group: 'complete', heading: 'Complete' },
]

const soonDays = 30

export function dueGroupOf(item: Pick<WorkItem, 'dueDate' | 'status'>, today: string): DueGroup {
  if (item.status === 'complete') return 'complete'
  if (!item.dueDate) return 'no-date'
  if (item.dueDate < today) return 'overdue'
  const soon = new Date(`${today}T00:00:00Z`)
  soon.setUTCDate(soon.getUTCDate() + soonDays)
  return item.dueDate <= soon.toISOString().slice(0, 10) ? 'due-soon' : 'later'
}

/** Items grouped by when they are due, each group soonest first; empty groups left out. */
export function groupByDue(
  items: WorkItem[],
  today: string,
): { group: DueGroup; heading: string; items: WorkItem[] }[] {
  const sorted = [...items].sort(
    (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title),
  )
  return dueGroups
    .map(({ group, heading }) => ({
      group,
      heading,
      items: sorted.filter((item) => dueGroupOf(item, today) === group),
    }))
    .filter((g) => g.items.length > 0)
}
