import type { Rag, WorkStatus } from '../../../shared/entities'
import { localDb } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { sendSoon } from '../../sync/send-soon'

export async function postUpdate(personId: string, actionId: string, rag: Rag, commentary: string) {
  await queueChange(localDb, personId, {
    kind: 'progress.post',
    data: { id: crypto.randomUUID(), actionId, rag, commentary: commentary.trim() },
  })
  sendSoon()
}

export async function setStatus(
  personId: string,
  entity: 'action' | 'milestone',
  entityId: string,
  status: WorkStatus,
) {
  await queueChange(localDb, personId, { kind: 'status.set', data: { entity, entityId, status } })
  sendSoon()
}

export async function assignWork(
  personId: string,
  work: { actionId: string | null; milestoneId: string | null },
  target: { personId: string | null; teamId: string | null },
) {
  await queueChange(localDb, personId, {
    kind: 'assignment.add',
    data: { id: crypto.randomUUID(), ...work, ...target },
  })
  sendSoon()
}

export async function unassignWork(personId: string, assignmentId: string) {
  await queueChange(localDb, personId, { kind: 'assignment.remove', data: { id: assignmentId } })
  sendSoon()
}
