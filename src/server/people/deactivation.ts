import type { Queryable } from '../db/database'
import { endSessions } from '../auth/device-sessions'
import { forgetCodesOf } from './password-codes'

/**
 * Deactivates a leaver: recorded apart from `people`, so no pull carries it; their code
 * goes; and every session ends, so their devices remove the organisation's data at their
 * next contact. `loadViewer` treats a deactivated person as no one from then on.
 */
export async function deactivate(tx: Queryable, personId: string, by: string): Promise<void> {
  await tx.query(
    'insert into person_deactivations (person_id, deactivated_by) values ($1, $2) on conflict do nothing',
    [personId, by],
  )
  await forgetCodesOf(tx, personId)
  await endSessions(tx, personId, 'all')
}

export async function isDeactivated(db: Queryable, personId: string): Promise<boolean> {
  const rows = await db.query('select 1 from person_deactivations where person_id = $1', [personId])
  return rows.length > 0
}
