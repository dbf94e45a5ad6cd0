import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database'
import { signInSchema, type SessionInfo } from '../../shared/api'
import { HttpError, parseInput } from '../http/errors'
import { decoyHash, passwordMatches } from '../auth/passwords'
import { forgetOldSignInAttempts, reserveSignInAttempt, signInSucceeded } from '../auth/rate-limit'
import { deleteSession, sessionCookie } from '../auth/sessions'
import { issueSession } from '../auth/issue-session'
import { loadViewer, requireViewer, viewerOf, type Viewer } from '../auth/viewer'

async function sessionInfo(db: Database, viewer: Viewer): Promise<SessionInfo> {
  const rows = await db.query<{ id: string; name: string; short_name: string }>(
    'select id, name, short_name from organisations where id = $1',
    [viewer.orgId],
  )
  const org = rows[0]
  if (!org) throw new HttpError(500, 'server_error', 'The organisation of this account is missing.')
  return {
    person: viewer.person,
    email: viewer.email,
    organisation: { id: org.id, name: org.name, shortName: org.short_name },
  }
}

export function authRoutes(db: Database, options: { secureCookies: boolean; passwordSignIn?: boolean }) {
  return async (app: FastifyInstance) => {
    app.post('/auth/sign-in', async (request, reply) => {
      if (options.passwordSignIn === false) {
        throw new HttpError(
          403,
          'password_sign_in_off',
          "Passwords are switched off here. Sign in with your organisation's account instead.",
        )
      }
      const { email, password } = parseInput(signInSchema, request.body)
      const throttled = await reserveSignInAttempt(db, email, request.ip)
      if (throttled) {
        reply.header('retry-after', String(throttled.retryAfterSeconds))
        throw new HttpError(429, 'too_many_attempts', throttled.message)
      }
      const rows = await db.query<{ person_id: string; password_hash: string }>(
        'select person_id, password_hash from accounts where email = $1',
        [email],
      )
      const account = rows[0]
      const matches = await passwordMatches(account?.password_hash ?? decoyHash, password)
      const viewer = account && matches ? await loadViewer(db, account.person_id) : undefined
      if (!viewer) {
        // The attempt was counted before the check; only old counters are left to tidy.
        await forgetOldSignInAttempts(db)
        throw new HttpError(401, 'wrong_credentials', 'That email and password do not match an account.')
      }
      await signInSucceeded(db, email, request.ip)
      await issueSession(db, request, reply, viewer.person.id, options)
      return sessionInfo(db, viewer)
    })

    app.post('/auth/sign-out', async (request, reply) => {
      const token = request.cookies[sessionCookie]
      if (token) await deleteSession(db, token)
      reply.clearCookie(sessionCookie, { path: '/api' })
      return reply.status(204).send()
    })

    app.get('/auth/session', { preHandler: requireViewer(db) }, async (request) => sessionInfo(db, viewerOf(request)))
  }
}
