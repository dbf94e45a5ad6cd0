import type { EntityType, WorkStatus } from '../entities'
import type { EditableType } from '../plans/editable-records'
import type { TargetAction, TargetMilestone } from './batch-context'
import { incomingWins } from '../sync/status-rule'

/** What one change writes on the server, decided before anything is written (src/server/mutations/apply.ts). */
export type Write =
  | {
      kind: 'insert'
      table: 'progress_updates' | 'evidence' | 'assignments' | 'surveys' | 'reminders'
      record: Record<string, unknown>
    }
  /** A plan record made in the app, written before the batch's other inserts (they may name it). */
  | { kind: 'create'; entity: EditableType; record: Record<string, unknown> }
  /** Some fields of a synced record, which gets a new version. */
  | { kind: 'update'; entity: EntityType; id: string; fields: Record<string, unknown> }
  | { kind: 'close-survey'; id: string; closesOn: string }
  | {
      kind: 'survey-response'
      surveyId: string
      teamId: string | null
      areaId: string | null
      answers: Record<string, unknown>
    }
  | {
      kind: 'status'
      table: 'actions' | 'milestones'
      id: string
      status: WorkStatus
      madeAt: string
      by: string
      mutationId: string
      replaces: string | null
    }
  | { kind: 'publish-attachments'; evidenceId: string; ids: string[] }
  | { kind: 'delete-assignment'; id: string }
  /** Every record keyed to a plan that has left draft, given a new version so every device receives it. */
  | { kind: 'republish-plan'; planId: string }

/** The history row a change leaves (who, which device and when are added by the server). */
export interface HistoryDraft {
  actionId: string | null
  entityType: string
  entityId: string
  change: string
  details: Record<string, unknown>
}

export type Decision =
  | { outcome: 'refused'; reason: string }
  | { outcome: 'applied' | 'superseded'; reason?: string; writes: Write[]; history: HistoryDraft | null }

export const refuse = (reason: string): Decision => ({ outcome: 'refused', reason })

/**
 * The status rule (status-rule.ts) for one change of status: the write if it wins, with the
 * batch's copy of the target brought up to date for later changes in the batch; none if a more recent change stands.
 */
export function changeStatus(
  target: TargetAction | TargetMilestone,
  table: 'actions' | 'milestones',
  status: WorkStatus,
  madeAt: string,
  by: string,
  mutationId: string,
): Write | undefined {
  const current =
    target.statusSetAt && target.statusMutationId
      ? { madeAt: target.statusSetAt, mutationId: target.statusMutationId }
      : undefined
  if (!incomingWins({ madeAt, mutationId }, current)) return undefined
  Object.assign(target, { status, statusSetAt: madeAt, statusMutationId: mutationId })
  return { kind: 'status', table, id: target.id, status, madeAt, by, mutationId, replaces: current?.mutationId ?? null }
}
