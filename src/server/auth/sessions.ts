import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database'

export const sessionCookie = 'gt_session'
/** Long, because the app must open and sync as the same person after weeks in the field. */
export const sessionMaxAgeSeconds = 60 * 60 * 24 * 30

// Only a hash of the token is stored: a copy of the database cannot sign anyone in.
const digest = (token: string) => createHash('sha256').update(token).digest('base64url')

export async function createSession(db: Queryable, personId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.query(
    `insert into sessions (token_hash, person_id, expires_at)
     values ($1, $2, now() + make_interval(secs => $3))`,
    [digest(token), personId, sessionMaxAgeSeconds],
  )
  return token
}

export async function personForSession(db: Queryable, token: string): Promise<string | undefined> {
  const rows = await db.query<{ person_id: string }>(
    'select person_id from sessions where token_hash = $1 and expires_at > now()',
    [digest(token)],
  )
  return rows[0]?.person_id
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1 or expires_at < now()', [digest(token)])
}
