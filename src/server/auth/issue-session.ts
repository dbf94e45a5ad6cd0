import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Queryable } from '../db/database'
import { deviceLabel } from './device-label'
import { createSession, deleteSession, forgetLapsedSessions, sessionCookie, sessionMaxAgeSeconds } from './sessions'

export interface CookieOptions {
  secureCookies: boolean
}

/**
 * Starts a session for a person who has just proved who they are (a password, or the
 * organisation's identity provider) and sets its cookie. Every way of signing in ends here.
 * The session the device presented, if any, ends: one device, one session.
 */
export async function issueSession(
  db: Queryable,
  request: FastifyRequest,
  reply: FastifyReply,
  personId: string,
  options: CookieOptions,
) {
  const presented = request.cookies[sessionCookie]
  const replaced = presented ? await deleteSession(db, presented) : undefined
  await forgetLapsedSessions(db)
  const token = await createSession(db, personId, {
    label: deviceLabel(request.headers['user-agent']),
    firstSeenAt: replaced?.personId === personId ? replaced.firstSeenAt : undefined,
  })
  reply.setCookie(sessionCookie, token, {
    path: '/api',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
    // An explicit lifetime: iOS home-screen apps drop cookies that have none.
    maxAge: sessionMaxAgeSeconds,
  })
}
