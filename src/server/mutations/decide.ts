import { canAssignTo, canAssignWork, canContribute, canSetStatus } from '../../shared/permissions'
import { quarterOf } from '../../shared/sync/quarter'
import { effectiveMadeAt, incomingWins } from '../../shared/sync/status-rule'
import { statusOfRag } from '../../shared/status-language'
import type { Mutation } from '../../shared/sync/mutations'
import type { WorkStatus } from '../../shared/entities'
import type { Viewer } from '../auth/viewer'
import type { BatchContext, TargetAction, TargetMilestone } from './context'
import { decideSurvey } from './decide-survey'

/** What one mutation changes, decided before anything is written. */
export type Write =
  | {
      kind: 'insert'
      table: 'progress_updates' | 'evidence' | 'assignments' | 'surveys'
      record: Record<string, unknown>
    }
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

const refuse = (reason: string): Decision => ({ outcome: 'refused', reason })

/**
 * The status rule (status-rule.ts) for one change of status: the write if it wins, with the
 * batch's copy of the target brought up to date for later changes in the batch; none if a more recent change stands.
 */
function changeStatus(
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
const outOfScope = 'You can assign only work your teams lead or have been given, or work for your teams’ area.'

/**
 * Decides one mutation against the batch context, and updates the context with its
 * effect, so later mutations of the same batch see it (two status changes in one push).
 */
export function decide(mutation: Mutation, viewer: Viewer, context: BatchContext, receivedAt: string): Decision {
  if (
    (mutation.kind === 'progress.post' ||
      mutation.kind === 'evidence.add' ||
      mutation.kind === 'assignment.add' ||
      mutation.kind === 'survey.create') &&
    context.takenIds.has(mutation.data.id)
  ) {
    return refuse('A record with this id already exists, so this change cannot be added again.')
  }
  const decision = decideAllowed(mutation, viewer, context, effectiveMadeAt(mutation.madeAt, receivedAt), receivedAt)
  // The record id is spoken for only once its change is accepted.
  if (decision.outcome !== 'refused' && 'id' in mutation.data) context.takenIds.add(mutation.data.id)
  return decision
}

function decideAllowed(
  mutation: Mutation,
  viewer: Viewer,
  context: BatchContext,
  madeAt: string,
  receivedAt: string,
): Decision {
  const who = viewer.person
  const scopeOf = (actionId: string) => context.scopes.get(actionId)

  switch (mutation.kind) {
    case 'survey.create':
    case 'survey.close':
    case 'survey.submit':
      return decideSurvey(mutation, viewer, context, madeAt)
    case 'progress.post': {
      const { data } = mutation
      const scope = scopeOf(data.actionId)
      if (!scope) return refuse('This action is not in your organisation’s plan.')
      if (!canContribute(who, scope))
        return refuse('You can post updates only on actions assigned to you or your team.')
      const period = quarterOf(madeAt)
      const writes: Write[] = [
        {
          kind: 'insert',
          table: 'progress_updates',
          record: {
            id: data.id,
            actionId: data.actionId,
            period,
            rag: data.rag,
            commentary: data.commentary,
            authorId: who.id,
            madeAt,
            receivedAt,
          },
        },
      ]
      const details: Record<string, unknown> = { rag: data.rag, period, commentary: data.commentary }
      // Only someone who may set the status makes an update the project's status; anyone else's is a comment.
      const target = context.actions.get(data.actionId)
      if (data.setsStatus && target && canSetStatus(who, scope, scope.teamsOfAssignedPeople)) {
        const status = statusOfRag[data.rag]
        const change = changeStatus(target, 'actions', status, madeAt, who.id, mutation.id)
        details.status = status
        if (change) writes.push(change)
        else details.statusSuperseded = true
      }
      return {
        outcome: 'applied',
        writes,
        history: {
          actionId: data.actionId,
          entityType: 'progressUpdate',
          entityId: data.id,
          change: 'progress.post',
          details,
        },
      }
    }
    case 'status.set': {
      const { data } = mutation
      const target =
        data.entity === 'action' ? context.actions.get(data.entityId) : context.milestones.get(data.entityId)
      if (!target) return refuse(`This ${data.entity} is not in your organisation’s plan.`)
      const actionId = 'actionId' in target ? target.actionId : target.id
      const scope = scopeOf(actionId)
      if (!scope || !canSetStatus(who, scope, scope.teamsOfAssignedPeople))
        return refuse('Only the team’s manager or a plan admin can set this status.')
      const history: HistoryDraft = {
        actionId,
        entityType: data.entity,
        entityId: data.entityId,
        change: 'status.set',
        details: { status: data.status, previous: target.status },
      }
      const table = data.entity === 'action' ? 'actions' : 'milestones'
      const change = changeStatus(target, table, data.status, madeAt, who.id, mutation.id)
      if (!change) {
        return {
          outcome: 'superseded',
          reason: 'Someone else changed this status more recently, so their change stands.',
          writes: [],
          history,
        }
      }
      return { outcome: 'applied', writes: [change], history }
    }
    case 'evidence.add': {
      const { data } = mutation
      const scope = scopeOf(data.actionId)
      if (!scope) return refuse('This action is not in your organisation’s plan.')
      if (data.milestoneId && context.milestones.get(data.milestoneId)?.actionId !== data.actionId) {
        return refuse('This milestone is not part of that action.')
      }
      if (!canContribute(who, scope))
        return refuse('You can add evidence only to actions assigned to you or your team.')
      // What the evidence shows is the server's record of each upload, never the device's description of it.
      const files = []
      for (const ref of data.attachments) {
        const stored = context.attachments.get(ref.id)
        if (!stored || stored.uploadedBy !== who.id) return refuse(`“${ref.name}” has not been uploaded yet.`)
        if (stored.receivedBytes < stored.size) return refuse(`“${ref.name}” has not finished uploading.`)
        if (stored.evidenceId && stored.evidenceId !== data.id)
          return refuse(`“${ref.name}” belongs to other evidence.`)
        if (stored.size !== ref.size || stored.mediaType !== ref.mediaType)
          return refuse(
            `“${ref.name}” differs in size or type from the file uploaded for it, so this evidence cannot use it.`,
          )
        files.push(stored)
      }
      for (const file of files) file.evidenceId = data.id
      const writes: Write[] = [
        {
          kind: 'insert',
          table: 'evidence',
          record: {
            id: data.id,
            actionId: data.actionId,
            milestoneId: data.milestoneId,
            note: data.note,
            authorId: who.id,
            madeAt,
            receivedAt,
          },
        },
      ]
      if (data.attachments.length)
        writes.push({ kind: 'publish-attachments', evidenceId: data.id, ids: data.attachments.map((a) => a.id) })
      return {
        outcome: 'applied',
        writes,
        history: {
          actionId: data.actionId,
          entityType: 'evidence',
          entityId: data.id,
          change: 'evidence.add',
          details: { note: data.note, milestoneId: data.milestoneId, attachments: files.map((file) => file.name) },
        },
      }
    }
    case 'assignment.add': {
      const { data } = mutation
      const actionId =
        data.actionId ?? (data.milestoneId ? context.milestones.get(data.milestoneId)?.actionId : undefined)
      const scope = actionId ? scopeOf(actionId) : undefined
      if (!actionId || !scope) return refuse('This work is not in your organisation’s plan.')
      // Scope over the work before anything about whom it goes to.
      if (!canAssignWork(who, scope, context.managedAreaIds)) return refuse(outOfScope)
      let target: { teamId: string } | { personTeamIds: string[] }
      if (data.teamId) {
        if (!context.teams.has(data.teamId)) return refuse('This team is not in your organisation.')
        target = { teamId: data.teamId }
      } else {
        const person = context.people.get(data.personId!)
        if (!person) return refuse('This person is not in your organisation.')
        target = { personTeamIds: person.teamIds }
      }
      if (!canAssignTo(who, target)) return refuse('You can assign work only within the teams you manage.')
      if (data.personId) (scope.assignedPersonIds as Set<string>).add(data.personId)
      if (data.teamId) (scope.assignedTeamIds as Set<string>).add(data.teamId)
      if ('personTeamIds' in target) scope.teamsOfAssignedPeople.push(...target.personTeamIds)
      return {
        outcome: 'applied',
        writes: [{ kind: 'insert', table: 'assignments', record: { ...data, assignedBy: who.id, assignedAt: madeAt } }],
        history: {
          actionId,
          entityType: 'assignment',
          entityId: data.id,
          change: 'assignment.add',
          details: { milestoneId: data.milestoneId, personId: data.personId, teamId: data.teamId },
        },
      }
    }
    case 'assignment.remove': {
      const assignment = context.assignments.get(mutation.data.id)
      if (!assignment) return refuse('This assignment no longer exists.')
      const actionId =
        assignment.actionId ??
        (assignment.milestoneId ? context.milestones.get(assignment.milestoneId)?.actionId : undefined)
      const scope = actionId ? scopeOf(actionId) : undefined
      if (!actionId || !scope || !canAssignWork(who, scope, context.managedAreaIds)) return refuse(outOfScope)
      const target = assignment.teamId
        ? { teamId: assignment.teamId }
        : { personTeamIds: context.people.get(assignment.personId!)?.teamIds ?? [] }
      if (!canAssignTo(who, target)) return refuse('You can change assignments only within the teams you manage.')
      context.assignments.delete(mutation.data.id)
      return {
        outcome: 'applied',
        writes: [{ kind: 'delete-assignment', id: mutation.data.id }],
        history: {
          actionId,
          entityType: 'assignment',
          entityId: mutation.data.id,
          change: 'assignment.remove',
          details: { personId: assignment.personId, teamId: assignment.teamId },
        },
      }
    }
  }
}
