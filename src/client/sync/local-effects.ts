import type { Mutation } from '../../shared/sync/mutations'
import { quarterOf } from '../../shared/sync/quarter'
import type { LocalDatabase } from '../db/database'
import { putUpdates } from '../db/grouped'
import type { WorkStatus } from '../../shared/entities'
import { statusOfRag } from '../../shared/status-language'

/**
 * What a change does to the device's own copy, so the screen shows it at once. Run
 * when the change is queued, and again after every pull for changes still waiting,
 * because a pull writes the server's older copy over the device's.
 * Must run inside a transaction that includes the tables it touches.
 */
export async function applyLocally(db: LocalDatabase, mutation: Mutation, authorId: string): Promise<void> {
  const { madeAt } = mutation
  switch (mutation.kind) {
    case 'progress.post': {
      const { id, actionId, rag, commentary, setsStatus } = mutation.data
      await putUpdates(db, [
        { id, version: 0, actionId, period: quarterOf(madeAt), rag, commentary, authorId, madeAt, receivedAt: '' },
      ])
      if (setsStatus) await db.actions.update(actionId, statusChange(mutation, statusOfRag[rag], authorId))
      return
    }
    case 'status.set': {
      const { entity, entityId, status } = mutation.data
      const change = statusChange(mutation, status, authorId)
      await (entity === 'action' ? db.actions.update(entityId, change) : db.milestones.update(entityId, change))
      return
    }
    case 'evidence.add': {
      const { id, actionId, milestoneId, note, attachments } = mutation.data
      await db.evidence.put({ id, version: 0, actionId, milestoneId, note, authorId, madeAt, receivedAt: '' })
      await db.attachments.bulkPut(
        attachments.map((a) => ({
          id: a.id,
          version: 0,
          evidenceId: id,
          name: a.name,
          mediaType: a.mediaType,
          size: a.size,
        })),
      )
      return
    }
    case 'assignment.add':
      await db.assignments.put({ ...mutation.data, version: 0, assignedBy: authorId, assignedAt: madeAt })
      return
    case 'assignment.remove':
      await db.assignments.delete(mutation.data.id)
      return
  }
}

const statusChange = (mutation: Mutation, status: WorkStatus, authorId: string) => ({
  status,
  statusSetAt: mutation.madeAt,
  statusSetBy: authorId,
  statusMutationId: mutation.id,
})

/** The tables `applyLocally` may write. */
export const locallyChangedTables = (db: LocalDatabase) => [
  db.updatesByAction,
  db.actions,
  db.milestones,
  db.evidence,
  db.attachments,
  db.assignments,
]
