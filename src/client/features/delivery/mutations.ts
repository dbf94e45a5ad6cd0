import type { Rag, WorkStatus } from '../../../shared/entities'
import { localDb } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { sendSoon } from '../../sync/send-soon'

/** `setsStatus`: the person may set the project's status, so the update sets it (status-language.ts). */
export async function postUpdate(
  personId: string,
  update: { actionId: string; rag: Rag; commentary: string; setsStatus: boolean },
) {
  await queueChange(localDb, personId, {
    kind: 'progress.post',
    data: { id: crypto.randomUUID(), ...update, commentary: update.commentary.trim() },
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
