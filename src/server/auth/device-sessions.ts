import type { Queryable } from '../db/database'
import type { DeviceSession } from '../../shared/sessions'
import { sessionIdleSeconds, usableSession } from './sessions'

const iso = (column: string) => `to_jsonb(${column}) #>> '{}'`

/** The devices signed in as a person, most recently used first. */
export async function devicesOf(
  db: Queryable,
  personId: string,
  currentSessionId: string | undefined,
): Promise<DeviceSession[]> {
  const rows = await db.query<{
    id: string
    device_label: string
    first_seen_at: string
    signed_in_at: string
    last_used_at: string
  }>(
    `select id, device_label, ${iso('device_first_seen_at')} as first_seen_at, ${iso('created_at')} as signed_in_at,
            ${iso('last_used_at')} as last_used_at
       from sessions
      where person_id = $1 and ${usableSession('$2')}
      order by last_used_at desc, created_at desc`,
    [personId, sessionIdleSeconds],
  )
  return rows.map((row) => ({
    id: row.id,
    device: row.device_label,
    firstSeenAt: row.first_seen_at,
    signedInAt: row.signed_in_at,
    lastUsedAt: row.last_used_at,
    thisDevice: row.id === currentSessionId,
  }))
}

/** Which of a person's sessions to end: one, every one but one (the asking device's), or all. */
export type SessionsToEnd = { only: string } | { allBut: string } | 'all'

/**
 * Ends sessions so that their devices, at their next contact, are told to remove the
 * organisation's data. Idle ones are ended too: a lost device found weeks later must still
 * hear it. Answers how many were ended.
 */
export async function endSessions(db: Queryable, personId: string, which: SessionsToEnd): Promise<number> {
  const [condition, params] =
    which === 'all'
      ? ['', [personId]]
      : 'only' in which
        ? ['and id = $2', [personId, which.only]]
        : ['and id <> $2', [personId, which.allBut]]
  const rows = await db.query(
    `update sessions set ended_at = now()
      where person_id = $1 and ended_at is null and expires_at > now() ${condition}
      returning id`,
    params,
  )
  return rows.length
}
