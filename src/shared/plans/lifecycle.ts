import { z } from 'zod'
import type { DocumentControl, Plan } from '../entities'
import { pgDate, pgText } from '../pg-values'

/**
 * A plan's lifecycle: drafted, then approved by a board, later superseded by its next
 * version or archived. A draft is seen by plan admins only; superseded and archived plans
 * are kept as they were (readOnlyPlanStatuses in editable-records.ts).
 */
export const lifecycleSteps = ['approve', 'supersede', 'archive'] as const
export type LifecycleStep = (typeof lifecycleSteps)[number]
type PlanStatus = Plan['status']

const stepsFrom: Record<PlanStatus, readonly LifecycleStep[]> = {
  draft: ['approve', 'archive'],
  approved: ['supersede', 'archive'],
  superseded: ['archive'],
  archived: [],
}
export const statusAfter: Record<LifecycleStep, PlanStatus> = {
  approve: 'approved',
  supersede: 'superseded',
  archive: 'archived',
}

/** The steps a plan in this status can take, in the order the plan's page offers them. */
export const stepsOpenTo = (status: PlanStatus): readonly LifecycleStep[] => stepsFrom[status]

/** Why a plan in this status cannot take this step, or undefined if it can. */
export function stepRefusal(step: LifecycleStep, status: PlanStatus): string | undefined {
  if (stepsFrom[status].includes(step)) return undefined
  if (status === 'archived') return 'This plan has been archived, so it is kept as it was and cannot be changed.'
  if (step === 'approve') return `This plan is ${status} already: only a draft can be approved.`
  if (step === 'supersede')
    return status === 'draft'
      ? 'A draft cannot be superseded: approve it, or archive it if it is not wanted.'
      : 'This plan has been superseded already.'
  return 'This plan has been archived already.'
}

/** What the approval form asks: the board or meeting that approved the plan, and the date it did. */
export const approvalSchema = z.object({
  board: pgText(200, { trim: true }).min(1, 'Enter the board or meeting that approved the plan.'),
  approvedOn: pgDate(undefined, 'Enter the date the plan was approved, as a real date.'),
})
export type Approval = z.infer<typeof approvalSchema>

/**
 * The plan's document control once an approval is recorded: a version line saying who
 * approved it, when, and which plan admin recorded it; and the board among those that
 * approve the plan, if it was not already.
 */
export function withApproval(
  control: DocumentControl,
  versionLabel: string,
  approval: Approval & { approverPersonId: string },
): DocumentControl {
  const known = control.boards.some(
    (board) => board.role === 'approves' && board.name.toLowerCase() === approval.board.toLowerCase(),
  )
  return {
    ...control,
    versions: [
      ...control.versions,
      {
        version: versionLabel,
        date: approval.approvedOn,
        approvedBy: approval.board,
        approverPersonId: approval.approverPersonId,
      },
    ],
    boards: known ? control.boards : [...control.boards, { name: approval.board, role: 'approves' }],
  }
}

/** How a step is named on a button and in a sentence. */
export const stepWords: Record<LifecycleStep, { verb: string; doing: string; done: string }> = {
  approve: { verb: 'Approve', doing: 'Approving', done: 'approved' },
  supersede: { verb: 'Supersede', doing: 'Superseding', done: 'superseded' },
  archive: { verb: 'Archive', doing: 'Archiving', done: 'archived' },
}
