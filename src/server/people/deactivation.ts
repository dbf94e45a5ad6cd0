import type { Queryable } from '../db/database'
import { endSessions } from '../auth/device-sessions'
import type { OneTimeCode } from '../../shared/people-admin'
import { forgetCodesOf, issueCode } from './password-codes'

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

/**
 * Brings back a leaver who returns. They start as a new person does: no password until they
 * set one with the one-time code answered here, so a password from before they left does not
 * let them in, whoever may have learnt it since.
 */
export async function reactivate(tx: Queryable, personId: string): Promise<OneTimeCode> {
  await tx.query('delete from person_deactivations where person_id = $1', [personId])
  await tx.query('update accounts set password_hash = null where person_id = $1', [personId])
  return issueCode(tx, personId)
}
