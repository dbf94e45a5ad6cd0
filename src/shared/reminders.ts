import { z } from 'zod'
import { base, id, text, timestamp } from './record-fields'

/**
 * A plan admin's reminder to one person: what they have outstanding when it was sent, and a
 * short message. It shows on the person's My actions until they dismiss it.
 */
export const reminderSchema = z.object({
  ...base,
  personId: id,
  sentBy: id,
  sentAt: timestamp,
  message: text.nullable(),
  actionIds: z.array(id),
  milestoneIds: z.array(id),
  dismissedAt: timestamp.nullable(),
})
export type Reminder = z.infer<typeof reminderSchema>
