import type {
  Assignment,
  Attachment,
  Evidence,
  MeasureActual,
  ProgressUpdate,
  RiskAssessment,
  WorkStatus,
} from '../entities'
import type { EditableRecord, EditableType } from '../plans/editable-records'
import type { Reminder } from '../reminders'

/**
 * The device's own copy of the organisation's records, as a change sees it: what it may
 * write so it shows at once, and take back when discarded. The app implements it over
 * IndexedDB (src/client/sync/device-copy.ts).
 */
export interface DeviceCopy {
  putUpdate(update: ProgressUpdate): Promise<void>
  deleteUpdate(id: string, actionId: string): Promise<void>
  setStatus(
    entity: 'action' | 'milestone',
    id: string,
    change: { status: WorkStatus; statusSetAt: string; statusSetBy: string; statusMutationId: string },
  ): Promise<void>
  putEvidence(evidence: Evidence, attachments: Attachment[]): Promise<void>
  deleteEvidence(id: string, attachmentIds: string[]): Promise<void>
  putAssignment(assignment: Assignment): Promise<void>
  deleteAssignment(id: string): Promise<void>
  /** The person has answered this survey on this device (answers are never kept beside who gave them). */
  markAnswered(surveyId: string): Promise<void>
  forgetAnswered(surveyId: string): Promise<void>
  /** A plan record made on this device, or taken back when its making is discarded. */
  putRecord(type: EditableType, record: EditableRecord): Promise<void>
  deleteRecord(type: EditableType, id: string): Promise<void>
  /** Some of a plan record's fields, as an edit sets them. */
  patchRecord(type: EditableType, id: string, fields: Record<string, unknown>): Promise<void>
  /** A figure for one period of a measure, as the measure keeps it. */
  recordActual(measureId: string, actual: MeasureActual): Promise<void>
  /** A risk rated this quarter: its current rating, and its ratings over time. */
  rateRisk(riskId: string, assessment: RiskAssessment): Promise<void>
  /** A reminder sent from this device, taken back when its sending is discarded; dismissed by its person. */
  putReminder(reminder: Reminder): Promise<void>
  deleteReminder(id: string): Promise<void>
  dismissReminder(id: string, dismissedAt: string): Promise<void>
  /** Complete work signed off by its lead or a plan admin. */
  signOff(
    entity: 'action' | 'milestone',
    id: string,
    signOff: { signedOffBy: string; signedOffAt: string },
  ): Promise<void>
  /** The device's copy can no longer be trusted: the next pull brings everything again. */
  pullEverythingAgain(): Promise<void>
}
