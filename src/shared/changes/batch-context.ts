import type { WorkScope } from '../permissions'
import type { WorkStatus } from '../entities'
import type { Survey } from '../surveys'
import type { EditableType } from '../plans/editable-records'
import type { FieldEdits } from '../sync/field-rule'

/**
 * What the server has read for a batch of changes before deciding any of them
 * (src/server/mutations/context.ts reads it). Decisions update it, so a later change in
 * the same batch sees an earlier one's effect.
 */
export interface TargetAction {
  id: string
  leadTeamId: string | null
  leadPersonId: string | null
  areaIds: string[]
  status: WorkStatus
  statusSetAt: string | null
  statusMutationId: string | null
  planStatus: string
  /** Who signed it off, where its plan requires sign-off and it is complete (src/shared/sign-off.ts). */
  signedOffBy?: string | null
}
export interface TargetMilestone extends Omit<TargetAction, 'leadTeamId' | 'leadPersonId' | 'areaIds' | 'planStatus'> {
  actionId: string
  /** The person whose milestone it is: with its action's lead, they sign it off. */
  ownerPersonId?: string | null
}

/** A plan record a batch edits or names, with the plan it belongs to. */
export interface TargetRecord {
  type: EditableType
  /** The record as stored (its shared schema's fields). */
  record: Record<string, unknown>
  /** The plan it is part of (a plan's is itself), null for an organisation's outcome. */
  planId: string | null
  planStatus: string | null
  fieldEdits: FieldEdits
}

/**
 * Everything a batch of mutations needs to be checked against, read in a handful of
 * queries for the whole batch rather than several per mutation. Rows whose status the
 * batch sets are read `for update`, so two pushes changing one status take turns.
 */
export interface BatchContext {
  actions: Map<string, TargetAction>
  milestones: Map<string, TargetMilestone>
  /** Who may act on each action, and its plan's status (a superseded or archived plan is read-only). */
  scopes: Map<string, WorkScope & { teamsOfAssignedPeople: string[]; planStatus: string; signOffRequired?: boolean }>
  /** The areas of the teams the pushing person manages: part of a manager's scope for assigning. */
  managedAreaIds: string[]
  people: Map<string, { teamIds: string[] }>
  teams: Set<string>
  assignments: Map<
    string,
    { actionId: string | null; milestoneId: string | null; personId: string | null; teamId: string | null }
  >
  /** Live uploads only (an expired one is as good as gone), locked until the batch commits so the sweep cannot take them. */
  attachments: Map<
    string,
    {
      uploadedBy: string
      name: string
      size: number
      receivedBytes: number
      evidenceId: string | null
      mediaType: string
    }
  >
  /** Ids that new records of this batch claim but that are already taken (or claimed earlier in the batch). */
  takenIds: Set<string>
  surveys: Map<string, Survey>
  /** Surveys the person pushing has already answered. */
  answered: Set<string>
  /** Surveys closed for good (or closed earlier in this batch): they take no more answers. */
  closedSurveys: Set<string>
  /** The area of each of the pushing person's teams. */
  areaOfTeam: Map<string, string>
  /** Areas and measures the batch refers to that belong to the organisation. */
  areas: Set<string>
  measures: Set<string>
  /** Plan records by id, including those made earlier in the batch. */
  planRecords: Map<string, TargetRecord>
  /** Reminders the batch dismisses: whom each is for, and whether it is dismissed already (or earlier in the batch). */
  reminders?: Map<string, { personId: string; dismissedAt: string | null }>
  /** For each plan the batch approves, the plans it was carried from, nearest first, each with its status (locked). */
  earlierVersions?: Map<string, { id: string; status: string }[]>
}
