import { z } from 'zod'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope, id } from '../envelope'

/** The person reminded putting the reminder away: it leaves their My actions. */
export const reminderDismissSchema = z.object({
  ...envelope,
  kind: z.literal('reminder.dismiss'),
  data: z.object({ id }),
})
type Data = z.infer<typeof reminderDismissSchema>['data']

export const reminderDismiss: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.reminderIds.add(data.id)
  },
  decide(data, { who, context, madeAt }) {
    const reminder = context.reminders?.get(data.id)
    if (!reminder) return refuse('This reminder is not in your organisation.')
    if (reminder.personId !== who.id) return refuse('Only the person reminded can dismiss this reminder.')
    const history = {
      actionId: null,
      entityType: 'reminder',
      entityId: data.id,
      change: 'reminder.dismiss',
      details: {},
    }
    // Dismissed already (on another device, or earlier in this batch): the first dismissal's time stands.
    if (reminder.dismissedAt) return { outcome: 'applied', writes: [], history }
    reminder.dismissedAt = madeAt
    return {
      outcome: 'applied',
      writes: [{ kind: 'update', entity: 'reminder', id: data.id, fields: { dismissedAt: madeAt } }],
      history,
    }
  },
  async onDevice(data, copy, { madeAt }) {
    await copy.dismissReminder(data.id, madeAt)
  },
  // When it was dismissed before is the server's to say: the next pull brings it back.
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: () => 'Reminder dismissed',
}
