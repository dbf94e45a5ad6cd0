import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Queryable } from '../db/database'
import { createSession, sessionCookie, sessionMaxAgeSeconds } from './sessions'

export interface CookieOptions {
  secureCookies: boolean
}

/**
 * Starts a session for a person who has just proved who they are (a password, or the
 * organisation's identity provider) and sets its cookie. Every way of signing in ends here.
 */
export async function issueSession(db: Queryable, _request: FastifyRequest, reply: FastifyReply, personId: string, options: CookieOptions) {
  const token = await createSession(db, personId)
  reply.setCookie(sessionCookie, token, {
    path: '/api',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
    // An explicit lifetime: iOS home-screen apps drop cookies that have none.
    maxAge: sessionMaxAgeSeconds,
  })
}
