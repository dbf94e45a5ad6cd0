import type { z } from 'zod'
import { planLifecycleSchema } from '../../../shared/changes/kinds/plan-lifecycle'
import type { Problem } from '../../ui/form-problems'
import { localDb } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { sendSoon } from '../../sync/send-soon'

type LifecycleData = z.input<typeof planLifecycleSchema.shape.data>
export type Queued = { ok: true } | { ok: false; problems: Problem[] }

/** The id of each approval form field, for the error summary's links. */
export const approvalFieldIds: Record<string, string> = { board: 'approval-board', approvedOn: 'approval-date' }

/**
 * A plan admin's lifecycle step, checked on the device by the schema the server checks it
 * by, then queued: approving, superseding and archiving all work offline.
 */
export async function queueLifecycleStep(adminId: string, data: LifecycleData): Promise<Queued> {
  const checked = planLifecycleSchema.shape.data.safeParse(data)
  if (!checked.success)
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => ({
        field: approvalFieldIds[String(issue.path[0])],
        message: issue.message,
      })),
    }
  await queueChange(localDb, adminId, { kind: 'plan.lifecycle', data: checked.data })
  sendSoon()
  return { ok: true }
}
