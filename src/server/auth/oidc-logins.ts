import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database'
import type { LoginChecks } from './oidc-client'

/** Long enough to type a password and approve a prompt on a phone; short enough that a lost one is soon gone. */
export const loginLifetimeSeconds = 10 * 60

export interface PendingLogin extends LoginChecks {
  /** The app path to open once signed in. */
  nextPath?: string
}

const digest = (browserToken: string) => createHash('sha256').update(browserToken).digest('base64url')

export const newBrowserToken = () => randomBytes(32).toString('base64url')

/**
 * Keeps a login until the callback. Abandoned ones go as later ones arrive, so the table
 * holds at most ten minutes of starts. (No cap per address: behind a load balancer every
 * person can share one, and a cap would let anyone stop a whole council signing in.)
 */
export async function saveLogin(db: Queryable, browserToken: string, login: PendingLogin): Promise<void> {
  await db.query('delete from oidc_logins where expires_at < now()')
  await db.query(
    `insert into oidc_logins (browser_hash, state, nonce, code_verifier, next_path, expires_at)
     values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
    [digest(browserToken), login.state, login.nonce, login.codeVerifier, login.nextPath ?? null, loginLifetimeSeconds],
  )
}

/** The login this browser started, if it has not expired; taken once, so a replayed callback finds nothing. */
export async function takeLogin(db: Queryable, browserToken: string): Promise<PendingLogin | undefined> {
  const rows = await db.query<{
    state: string
    nonce: string
    code_verifier: string
    next_path: string | null
    live: boolean
  }>(
    `delete from oidc_logins where browser_hash = $1
     returning state, nonce, code_verifier, next_path, expires_at > now() as live`,
    [digest(browserToken)],
  )
  const row = rows[0]
  if (!row?.live) return undefined
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, nextPath: row.next_path ?? undefined }
}
