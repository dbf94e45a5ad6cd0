import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database'

export const sessionCookie = 'gt_session'
/** Long, because the app must open and sync as the same person after weeks in the field. */
export const sessionMaxAgeSeconds = 60 * 60 * 24 * 30

/** Days without use after which a session lapses: SESSION_IDLE_DAYS, 14 unless set. */
export function idleDaysFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 14
  const days = Number(value)
  if (!Number.isFinite(days) || days <= 0)
    throw new Error(`SESSION_IDLE_DAYS must be a number of days above 0, not "${value}".`)
  return days
}
export const sessionIdleSeconds = Math.round(idleDaysFrom(process.env.SESSION_IDLE_DAYS) * 24 * 60 * 60)

// Last use is written only when it is this old, so a busy device does not write on every request.
const touchAfterSeconds = 5 * 60

/** SQL for a session that still lets its device in (the idle limit is the query's `$idle` parameter). */
export const usableSession = (idleParameter: string) =>
  `ended_at is null and expires_at > now() and last_used_at > now() - make_interval(secs => ${idleParameter})`

// Only a hash of the token is stored: a copy of the database cannot sign anyone in.
const digest = (token: string) => createHash('sha256').update(token).digest('base64url')

export interface Device {
  label: string
  /** When this device was first seen signed in as this person, kept across signing in again. */
  firstSeenAt?: string
}

export async function createSession(db: Queryable, personId: string, device: Device): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.query(
    `insert into sessions (token_hash, person_id, expires_at, device_label, device_first_seen_at)
     values ($1, $2, now() + make_interval(secs => $3), $4, coalesce($5::timestamptz, now()))`,
    [digest(token), personId, sessionMaxAgeSeconds, device.label, device.firstSeenAt ?? null],
  )
  return token
}

/**
 * What a presented token is worth. `ended`: the person or an admin ended it, and the device
 * must remove the organisation's data. `lapsed`: unknown, expired or idle, and the device
 * keeps its data until the person signs in again.
 */
export type SessionState = { kind: 'active'; id: string; personId: string } | { kind: 'ended' } | { kind: 'lapsed' }

export async function sessionForToken(db: Queryable, token: string): Promise<SessionState> {
  const rows = await db.query<{ id: string; person_id: string; ended: boolean; idle: boolean; stale: boolean }>(
    `select id, person_id, ended_at is not null as ended,
            last_used_at <= now() - make_interval(secs => $2) as idle,
            last_used_at <= now() - make_interval(secs => $3) as stale
       from sessions
      where token_hash = $1 and expires_at > now()`,
    [digest(token), sessionIdleSeconds, touchAfterSeconds],
  )
  const row = rows[0]
  if (!row) return { kind: 'lapsed' }
  // Ended is checked before idle: a lost device found weeks later must still remove its data.
  if (row.ended) return { kind: 'ended' }
  if (row.idle) return { kind: 'lapsed' }
  if (row.stale) await db.query('update sessions set last_used_at = now() where id = $1', [row.id])
  return { kind: 'active', id: row.id, personId: row.person_id }
}

/** Removes the session behind a token (signing out, or signing in again on the same device). */
export async function deleteSession(
  db: Queryable,
  token: string,
): Promise<{ personId: string; firstSeenAt: string } | undefined> {
  const rows = await db.query<{ person_id: string; device_first_seen_at: string }>(
    'delete from sessions where token_hash = $1 returning person_id, device_first_seen_at',
    [digest(token)],
  )
  const row = rows[0]
  return row && { personId: row.person_id, firstSeenAt: row.device_first_seen_at }
}

/** Forgets sessions no device can use any more. Ended ones stay until they expire: their devices have yet to hear. */
export async function forgetLapsedSessions(db: Queryable): Promise<void> {
  await db.query(
    `delete from sessions
      where expires_at <= now() or (ended_at is null and last_used_at <= now() - make_interval(secs => $1))`,
    [sessionIdleSeconds],
  )
}
