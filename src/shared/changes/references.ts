/** Every id a batch of changes refers to, by what it is, so the server reads the batch's context in one query per kind. */
export interface References {
  actionIds: Set<string>
  milestoneIds: Set<string>
  assignmentIds: Set<string>
  attachmentIds: Set<string>
  personIds: Set<string>
  teamIds: Set<string>
  /** Ids of records the changes create: the server checks none is taken. */
  newRecordIds: Set<string>
  surveyIds: Set<string>
  areaIds: Set<string>
  measureIds: Set<string>
  /** Plan records the changes edit, archive or name: read with their plan's status. */
  planRecordIds: Set<string>
  /** Of those, the ones the changes write: read `for update`, so two admins' edits of one record take turns. */
  editedRecordIds: Set<string>
  /** Actions and milestones whose status a change may set: read `for update`. */
  statusIds: Set<string>
  /** Reminders a change dismisses. */
  reminderIds: Set<string>
}

export const noReferences = (): References => ({
  actionIds: new Set(),
  milestoneIds: new Set(),
  assignmentIds: new Set(),
  attachmentIds: new Set(),
  personIds: new Set(),
  teamIds: new Set(),
  newRecordIds: new Set(),
  surveyIds: new Set(),
  areaIds: new Set(),
  measureIds: new Set(),
  planRecordIds: new Set(),
  editedRecordIds: new Set(),
  statusIds: new Set(),
  reminderIds: new Set(),
})
