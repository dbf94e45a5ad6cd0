import type { FastifyRequest } from 'fastify'
import type { Database } from '../db/database'
import { rowToRecord } from '../db/tables'
import { personSchema, type Person } from '../../shared/entities'
import { HttpError } from '../http/errors'
import { personForSession, sessionCookie } from './sessions'

/** The signed-in person a request acts as; every scope check starts here. */
export interface Viewer {
  person: Person
  orgId: string
  email: string
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer?: Viewer
  }
}

export async function loadViewer(db: Database, personId: string): Promise<Viewer | undefined> {
  const rows = await db.query<{ data: Record<string, unknown>; org_id: string; email: string }>(
    `select to_jsonb(p) as data, p.org_id, a.email
       from people p join accounts a on a.person_id = p.id
      where p.id = $1`,
    [personId],
  )
  const row = rows[0]
  if (!row) return undefined
  return { person: personSchema.parse(rowToRecord(row.data)), orgId: row.org_id, email: row.email }
}

/** A preHandler: answers 401 in JSON (never a redirect, which a service worker could cache). */
export function requireViewer(db: Database) {
  return async (request: FastifyRequest) => {
    const token = request.cookies[sessionCookie]
    const personId = token ? await personForSession(db, token) : undefined
    const viewer = personId ? await loadViewer(db, personId) : undefined
    if (!viewer) throw new HttpError(401, 'signed_out', 'You are signed out. Sign in again to sync.')
    request.viewer = viewer
  }
}

export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new HttpError(401, 'signed_out', 'You are signed out. Sign in again to sync.')
  return request.viewer
}
