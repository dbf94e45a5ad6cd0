import { definitionOf } from '../../shared/changes'
import type { DeviceCopy } from '../../shared/changes/device-copy'
import type { Mutation } from '../../shared/sync/mutations'
import type { LocalDatabase } from '../db/database'
import { deleteUpdates, putUpdates } from '../db/grouped'

/** The device's own copy, as a change's definition (src/shared/changes/kinds/) writes it. */
function deviceCopy(db: LocalDatabase): DeviceCopy {
  return {
    putUpdate: (update) => putUpdates(db, [update]),
    deleteUpdate: (id, actionId) => deleteUpdates(db, [id], actionId),
    async setStatus(entity, id, change) {
      await (entity === 'action' ? db.actions.update(id, change) : db.milestones.update(id, change))
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
]
