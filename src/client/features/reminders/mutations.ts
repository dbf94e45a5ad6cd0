import { localDb } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { sendSoon } from '../../sync/send-soon'
import type { Outstanding } from './needs-update'

export async function sendReminder(adminId: string, personId: string, outstanding: Outstanding, message: string) {
  await queueChange(localDb, adminId, {
    kind: 'reminder.send',
    data: {
      id: crypto.randomUUID(),
      personId,
      message: message.trim() || null,
      actionIds: outstanding.actions.map((a) => a.id),
      milestoneIds: outstanding.milestones.map((m) => m.id),
    },
  })
  sendSoon()
}

export async function dismissReminder(personId: string, reminderId: string) {
  await queueChange(localDb, personId, { kind: 'reminder.dismiss', data: { id: reminderId } })
  sendSoon()
}

export async function signOff(personId: string, entity: 'action' | 'milestone', entityId: string) {
  await queueChange(localDb, personId, { kind: 'signoff.give', data: { entity, entityId } })
  sendSoon()
}
