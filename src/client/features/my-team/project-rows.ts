import type { Action, Milestone, ProgressUpdate } from '../../../shared/entities'
import { quarterOf } from '../../../shared/sync/quarter'
import { shortActionTitle } from '../golden-thread/labels'
import { leadsText } from '../../../shared/plans/lead-words'

/** A project as one line of the quarter's picture. */
export interface ProjectRow {
  action: Action
  shortTitle: string
  /** Who leads it: the document's leads, else the leading team's name. */
  lead: string | undefined
  /** The first milestone not complete that is due today or later (or has no date), if any. */
  next: Milestone | undefined
  /** Milestones past their date and not complete. */
  overdue: number
  /** This quarter's latest update, if one has been posted. */
  thisQuarter: ProgressUpdate | undefined
}

const byDue = (a: Milestone, b: Milestone) =>
  (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.position - b.position

export function projectRow(
  action: Action,
  milestones: Milestone[],
  updates: ProgressUpdate[],
  context: { today: string; teamNames: Map<string, string> },
): ProjectRow {
  const open = milestones.filter((m) => m.status !== 'complete').sort(byDue)
  const quarter = quarterOf(`${context.today}T12:00:00Z`)
  const thisQuarter = updates
    .filter((update) => update.period === quarter)
    .sort((a, b) => Date.parse(b.madeAt) - Date.parse(a.madeAt))[0]
  return {
    action,
    shortTitle: shortActionTitle(action),
    lead: action.leads.length
      ? leadsText(action.leads)
      : action.leadTeamId
        ? context.teamNames.get(action.leadTeamId)
        : undefined,
    next: open.find((m) => !m.dueDate || m.dueDate >= context.today),
    overdue: open.filter((m) => m.dueDate !== null && m.dueDate < context.today).length,
    thisQuarter,
  }
}
