import type { FastifyRequest } from 'fastify'
import type { Database } from '../db/database'
import { rowToRecord } from '../db/tables'
import { personSchema, type Person } from '../../shared/entities'
import { HttpError } from '../http/errors'
import { sessionCookie, sessionForToken } from './sessions'

/** The signed-in person a request acts as; every scope check starts here. */
export interface Viewer {
  person: Person
  orgId: string
  email: string
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer?: Viewer
    /** The session the request came with, once requireViewer has accepted it. */
    sessionId?: string
  }
}

export async function loadViewer(db: Database, personId: string): Promise<Viewer | undefined> {
  const rows = await db.query<{ data: Record<string, unknown>; org_id: string; email: string }>(
    `select to_jsonb(p) as data, p.org_id, a.email
       from people p join accounts a on a.person_id = p.id
      where p.id = $1
        -- A deactivated person is no one: no password, code or identity provider signs them in.
        and not exists (select 1 from person_deactivations d where d.person_id = p.id)`,
    [personId],
  )
  const row = rows[0]
  if (!row) return undefined
  return { person: personSchema.parse(rowToRecord(row.data)), orgId: row.org_id, email: row.email }
}

const signedOut = () => new HttpError(401, 'signed_out', 'You are signed out. Sign in again to sync.')

/**
 * A preHandler: answers 401 in JSON (never a redirect, which a service worker could cache).
 * A session that was ended gets its own code, on every request until it would have
 * expired, so its device removes the organisation's data whenever it next gets through.
 */
export function requireViewer(db: Database) {
  return async (request: FastifyRequest) => {
    const token = request.cookies[sessionCookie]
    const session = token ? await sessionForToken(db, token) : undefined
    if (session?.kind === 'ended') {
      throw new HttpError(
        401,
        'session_ended',
        'This device was signed out from another device or by a plan admin. Sign in again.',
      )
    }
    const viewer = session?.kind === 'active' ? await loadViewer(db, session.personId) : undefined
    if (!viewer || session?.kind !== 'active') throw signedOut()
    request.viewer = viewer
    request.sessionId = session.id
  }
}

export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw signedOut()
  return request.viewer
}

export function sessionIdOf(request: FastifyRequest): string {
  if (!request.sessionId) throw signedOut()
  return request.sessionId
}
