import { definitionOf } from '../../shared/changes'
import type { DeviceCopy } from '../../shared/changes/device-copy'
import type { Mutation } from '../../shared/sync/mutations'
import type { LocalDatabase } from '../db/database'
import { deleteUpdates, putUpdates } from '../db/grouped'
import { searchTextOf } from '../db/search-text'
import { planTables } from '../db/plan-tables'
import { withActual } from '../../shared/monitoring/measure-actuals'
import { withAssessment } from '../../shared/changes/kinds/risk-assess'
import type { EditableType } from '../../shared/plans/editable-records'

// Themes, actions and milestones keep their search text beside them.
const searchable = new Set<EditableType>(['theme', 'action', 'milestone'])
const withSearchText = (type: EditableType, record: Record<string, unknown>) =>
  searchable.has(type) ? { ...record, searchText: searchTextOf(record) } : record

/** The device's own copy, as a change's definition (src/shared/changes/kinds/) writes it. */
function deviceCopy(db: LocalDatabase): DeviceCopy {
  return {
    putUpdate: (update) => putUpdates(db, [update]),
    deleteUpdate: (id, actionId) => deleteUpdates(db, [id], actionId),
    async setStatus(entity, id, change) {
      // Away from complete, its sign-off goes, as on the server.
      const fields = change.status === 'complete' ? change : { ...change, signedOffBy: null, signedOffAt: null }
      await (entity === 'action' ? db.actions.update(id, fields) : db.milestones.update(id, fields))
    },
    async putEvidence(evidence, attachments) {
      await db.evidence.put(evidence)
      await db.attachments.bulkPut(attachments)
    },
    async deleteEvidence(id, attachmentIds) {
      await db.evidence.delete(id)
      await db.attachments.bulkDelete(attachmentIds)
    },
    async putAssignment(assignment) {
      await db.assignments.put(assignment)
    },
    deleteAssignment: (id) => db.assignments.delete(id),
    async markAnswered(surveyId) {
      await db.answeredSurveys.put({ surveyId })
    },
    forgetAnswered: (surveyId) => db.answeredSurveys.delete(surveyId),
    async putRecord(type, record) {
      await planTables(db)[type].put(withSearchText(type, record))
    },
    deleteRecord: (type, id) => planTables(db)[type].delete(id),
    async patchRecord(type, id, fields) {
      const table = planTables(db)[type]
      const record = await table.get(id)
      if (record) await table.put(withSearchText(type, { ...record, ...fields }))
    },
    async recordActual(measureId, actual) {
      const measure = await db.measures.get(measureId)
      if (measure) await db.measures.put({ ...measure, actuals: withActual(measure.actuals, actual) })
    },
    async rateRisk(riskId, assessment) {
      const risk = await db.risks.get(riskId)
      if (!risk) return
      const assessments = withAssessment(risk.assessments, assessment)
      const { likelihood, impact, residualLikelihood, residualImpact } = assessments.at(-1)!
      await db.risks.put({ ...risk, assessments, likelihood, impact, residualLikelihood, residualImpact })
    },
    putReminder: (reminder) => db.reminders.put(reminder).then(() => undefined),
    deleteReminder: (id) => db.reminders.delete(id),
    dismissReminder: (id, dismissedAt) => db.reminders.update(id, { dismissedAt }).then(() => undefined),
    async signOff(entity, id, signOff) {
      await (entity === 'action' ? db.actions.update(id, signOff) : db.milestones.update(id, signOff))
    },
    pullEverythingAgain: () => db.meta.delete('checkpoint'),
  }
}

/**
 * What a change does to the device's own copy, so the screen shows it at once. Run
 * when the change is queued, and again after every pull for changes still waiting,
 * because a pull writes the server's older copy over the device's.
 * Must run inside a transaction that includes `locallyChangedTables`.
 */
export async function applyLocally(db: LocalDatabase, mutation: Mutation, authorId: string): Promise<void> {
  const { definition, data } = definitionOf(mutation)
  await definition.onDevice(data, deviceCopy(db), { authorId, mutationId: mutation.id, madeAt: mutation.madeAt })
}

/** Takes a change back from the device's own copy when the person discards it. Same transaction rule. */
export async function undoLocally(db: LocalDatabase, mutation: Mutation): Promise<void> {
  const { definition, data } = definitionOf(mutation)
  await definition.undo(data, deviceCopy(db))
}

/** The tables a change's definition may write on the device. */
export const locallyChangedTables = (db: LocalDatabase) => [
  db.updatesByAction,
  db.actions,
  db.milestones,
  db.evidence,
  db.attachments,
  db.assignments,
  db.answeredSurveys,
  db.meta,
  db.plans,
  db.themes,
  db.measures,
  db.risks,
  db.recommendations,
  db.outcomes,
  db.reminders,
]
