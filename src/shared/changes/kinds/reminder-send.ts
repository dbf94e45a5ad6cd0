import { z } from 'zod'
import { pgText } from '../../pg-values'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope, id } from '../envelope'

/** A plan admin reminding one person of what they have outstanding, with an optional short message. */
export const reminderSendSchema = z.object({
  ...envelope,
  kind: z.literal('reminder.send'),
  data: z.object({
    id,
    personId: id,
    message: pgText(500, { trim: true }).nullable(),
    actionIds: z.array(id).max(500),
    milestoneIds: z.array(id).max(500),
  }),
})
type Data = z.infer<typeof reminderSendSchema>['data']

export const reminderSend: ChangeDefinition<Data> = {
  createsId: (data) => data.id,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.newRecordIds.add(data.id)
    refs.personIds.add(data.personId)
    for (const actionId of data.actionIds) refs.actionIds.add(actionId)
    for (const milestoneId of data.milestoneIds) refs.milestoneIds.add(milestoneId)
  },
  decide(data, { who, context, madeAt }) {
    if (who.role !== 'admin') return refuse('Only a plan admin can send reminders.')
    if (!context.people.has(data.personId)) return refuse('This person is not in your organisation.')
    if (
      data.actionIds.some((actionId) => !context.actions.has(actionId)) ||
      data.milestoneIds.some((milestoneId) => !context.milestones.has(milestoneId))
    )
      return refuse('A reminder can name only work in your organisation’s plans.')
    const message = data.message || null
    return {
      outcome: 'applied',
      writes: [
        {
          kind: 'insert',
          table: 'reminders',
          record: { ...data, message, sentBy: who.id, sentAt: madeAt, dismissedAt: null },
        },
      ],
      // The message is the admin's own words: it stays on the reminder, not in the history.
      history: {
        actionId: null,
        entityType: 'reminder',
        entityId: data.id,
        change: 'reminder.send',
        details: { personId: data.personId, actions: data.actionIds.length, milestones: data.milestoneIds.length },
      },
    }
  },
  async onDevice(data, copy, { authorId, madeAt }) {
    await copy.putReminder({
      ...data,
      version: 0,
      message: data.message || null,
      sentBy: authorId,
      sentAt: madeAt,
      dismissedAt: null,
    })
  },
  undo: (data, copy) => copy.deleteReminder(data.id),
  describe: (data, titleOf) => `Reminder to ${titleOf(data.personId)}`,
}
