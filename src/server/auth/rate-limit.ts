import type { Queryable } from '../db/database'

/**
 * Failed sign-ins are counted in the database, not in memory, so that every replica
 * behind a load balancer sees the same count.
 */
const windowMinutes = 15
const maxFailuresPerEmail = 5
const maxFailuresPerIp = 30

export async function signInBlockedFor(db: Queryable, email: string, ip: string): Promise<number | undefined> {
  const rows = await db.query<{ by_email: number; by_ip: number; oldest: string | null }>(
    `select count(*) filter (where email = $1)::int as by_email,
            count(*) filter (where ip = $2)::int as by_ip,
            min(at)::text as oldest
       from sign_in_failures
      where (email = $1 or ip = $2) and at > now() - make_interval(mins => $3)`,
    [email, ip, windowMinutes],
  )
  const row = rows[0]
  if (!row || (row.by_email < maxFailuresPerEmail && row.by_ip < maxFailuresPerIp)) return undefined
  const oldest = row.oldest ? Date.parse(row.oldest) : Date.now()
  return Math.max(1, Math.ceil((oldest + windowMinutes * 60_000 - Date.now()) / 1000))
}

export async function recordSignInFailure(db: Queryable, email: string, ip: string): Promise<void> {
  await db.query('insert into sign_in_failures (email, ip) values ($1, $2)', [email, ip])
  await db.query(`delete from sign_in_failures where at < now() - make_interval(mins => $1)`, [windowMinutes * 2])
}

export async function clearSignInFailures(db: Queryable, email: string): Promise<void> {
  await db.query('delete from sign_in_failures where email = $1', [email])
}
