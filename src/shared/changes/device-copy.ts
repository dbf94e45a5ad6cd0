import type { Assignment, Attachment, Evidence, ProgressUpdate, WorkStatus } from '../entities'

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
  /** The device's copy can no longer be trusted: the next pull brings everything again. */
  pullEverythingAgain(): Promise<void>
}
