import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database'
import { signInSchema, type SessionInfo } from '../../shared/api'
import { HttpError, parseInput } from '../http/errors'
import { decoyHash, hashPassword, passwordMatches } from '../auth/passwords'
import { setPasswordSchema } from '../../shared/people-admin'
import { redeemCode } from '../people/password-codes'
import { isDeactivated } from '../people/deactivation'
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
      const throttled = await reserveSignInAttempt(db, email, request.ip, 'password')
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
      // Said only to someone who knew the password: to anyone else a deactivated account is like none.
      if (account && matches && (await isDeactivated(db, account.person_id))) {
        await forgetOldSignInAttempts(db)
        throw new HttpError(
          403,
          'deactivated',
          'This account has been deactivated. Ask your plan admin if this is a mistake.',
        )
      }
      if (!viewer) {
        // The attempt was counted before the check; only old counters are left to tidy.
        await forgetOldSignInAttempts(db)
        throw new HttpError(401, 'wrong_credentials', 'That email and password do not match an account.')
      }
      await signInSucceeded(db, email, request.ip, 'password')
      await issueSession(db, request, reply, viewer.person.id, options)
      return sessionInfo(db, viewer)
    })

    // A new person's first password, or a forgotten one, with the one-time code a plan admin gave them.
    // Guesses are throttled as sign-ins are, by the email they name, on counters of their own.
    app.post('/auth/set-password', async (request, reply) => {
      const { email, code, password } = parseInput(setPasswordSchema, request.body)
      const throttled = await reserveSignInAttempt(db, email, request.ip, 'code')
      if (throttled) {
        reply.header('retry-after', String(throttled.retryAfterSeconds))
        throw new HttpError(429, 'too_many_attempts', throttled.message)
      }
      const personId = await redeemCode(db, email, code)
      const viewer = personId ? await loadViewer(db, personId) : undefined
      if (!personId || !viewer) {
        await forgetOldSignInAttempts(db)
        throw new HttpError(
          400,
          'wrong_code',
          'That code does not work for this email. It may have been used, have expired, or been replaced: ask your plan admin for a new one.',
        )
      }
      await db.query('update accounts set password_hash = $2 where person_id = $1', [
        personId,
        await hashPassword(password),
      ])
      await signInSucceeded(db, email, request.ip, 'code')
      await issueSession(db, request, reply, personId, options)
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
