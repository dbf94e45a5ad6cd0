import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database'
import type { OneTimeCode } from '../../shared/people-admin'

/** How long a code lets its person set a password: long enough to reach a new starter in their first week. */
export const codeLifetimeSeconds = 7 * 24 * 60 * 60

// Codes are random enough (120 bits) that a fast hash is as safe as a slow one, and only it is kept.
const digest = (code: string) => createHash('sha256').update(code).digest('base64url')

/** A new code for a person, replacing any earlier one; shown once to the admin who asked. */
export async function issueCode(db: Queryable, personId: string): Promise<OneTimeCode> {
  const code = randomBytes(15).toString('base64url')
  const [row] = await db.query<{ expires_at: string }>(
    `insert into password_codes (person_id, code_hash, expires_at)
     values ($1, $2, now() + make_interval(secs => $3))
     on conflict (person_id) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at, created_at = now()
     returning to_jsonb(expires_at) #>> '{}' as expires_at`,
    [personId, digest(code), codeLifetimeSeconds],
  )
  return { code, link: `/set-password?code=${code}`, expiresAt: row!.expires_at }
}

/**
 * Uses up the code if it is the current, unexpired code of the account with `email` and
 * its person is not deactivated; answers that person. Deleted in the same statement, so
 * two requests with one code cannot both succeed.
 */
export async function redeemCode(db: Queryable, email: string, code: string): Promise<string | undefined> {
  const rows = await db.query<{ person_id: string }>(
    `delete from password_codes c
      using accounts a
      where c.code_hash = $1 and a.person_id = c.person_id and lower(a.email) = $2 and c.expires_at > now()
        and not exists (select 1 from person_deactivations d where d.person_id = c.person_id)
      returning c.person_id`,
    [digest(code), email.toLowerCase()],
  )
  return rows[0]?.person_id
}

export async function forgetCodesOf(db: Queryable, personId: string): Promise<void> {
  await db.query('delete from password_codes where person_id = $1', [personId])
}
