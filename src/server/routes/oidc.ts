import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import type { SignInMethods } from '../../shared/api'
import { pgText } from '../../shared/pg-values'
import { issueSession, type CookieOptions } from '../auth/issue-session'
import { identityProvider, SignInProblem } from '../auth/oidc-client'
import { emailFromClaims } from '../auth/oidc-email'
import { loginLifetimeSeconds, newBrowserToken, saveLogin, takeLogin } from '../auth/oidc-logins'
import { signInProblemPage } from '../auth/oidc-pages'
import type { SignInSettings } from '../auth/oidc-settings'
import { isDeactivated } from '../people/deactivation'

const browserCookie = 'gt_oidc'
const cookiePath = '/api/auth/oidc'
const startPath = '/api/auth/oidc/start'

// Only a path inside the app: the provider's round trip must never end on another site.
const startQuery = z.object({
  next: pgText(2000)
    .regex(/^\/(?!\/|\\|api\/)/)
    .optional()
    .catch(undefined),
})

function showProblem(reply: FastifyReply, problem: SignInProblem) {
  return reply
    .status(problem.statusCode)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(signInProblemPage(problem.title, problem.message))
}

const unreachable = new SignInProblem(
  502,
  'Sign-in is not available right now',
  "Golden Thread could not reach your organisation's sign-in service. Try again in a few minutes.",
)

const lostLogin = new SignInProblem(
  400,
  'Sign-in did not work',
  'This sign-in has expired, was already used, or was started in another browser. Go back to Golden Thread and choose the sign-in button again.',
)

async function accountForEmail(db: Database, email: string): Promise<string | undefined> {
  // Two accounts whose emails differ only in case would be ambiguous: neither is chosen.
  const rows = await db.query<{ person_id: string }>('select person_id from accounts where lower(email) = $1 limit 2', [
    email,
  ])
  return rows.length === 1 ? rows[0]!.person_id : undefined
}

/**
 * Sign-in through the organisation's OpenID Connect provider, and GET /auth/methods,
 * which tells the sign-in screen what to offer. The login in progress is kept in the
 * database against a random value in an httpOnly cookie, so any replica can finish it
 * and only the browser that started it can.
 */
export function oidcRoutes(db: Database, settings: SignInSettings, cookies: CookieOptions) {
  const methods: SignInMethods = {
    password: settings.password,
    ...(settings.oidc ? { provider: { label: settings.oidc.buttonLabel, startPath } } : {}),
  }
  const oidc = settings.oidc
  const provider = oidc && identityProvider(oidc)

  return async (app: FastifyInstance) => {
    app.get('/auth/methods', async () => methods)
    if (!oidc || !provider) return

    app.get('/auth/oidc/start', async (request, reply) => {
      const { next } = startQuery.parse(request.query ?? {})
      let begun
      try {
        begun = await provider.begin()
      } catch (error) {
        request.log.error({ err: error }, 'The identity provider could not be reached to start a sign-in')
        return showProblem(reply, unreachable)
      }
      const browserToken = newBrowserToken()
      await saveLogin(db, browserToken, { ...begun.checks, nextPath: next })
      reply.setCookie(browserCookie, browserToken, {
        path: cookiePath,
        httpOnly: true,
        // Lax, not Strict: the cookie must come back on the provider's top-level redirect to the callback.
        sameSite: 'lax',
        secure: cookies.secureCookies,
        maxAge: loginLifetimeSeconds,
      })
      return reply.header('cache-control', 'no-store').redirect(begun.url.href, 302)
    })

    app.get('/auth/oidc/callback', async (request, reply) => {
      const browserToken = request.cookies[browserCookie]
      reply.clearCookie(browserCookie, { path: cookiePath })
      const login = browserToken ? await takeLogin(db, browserToken) : undefined
      if (!login) return showProblem(reply, lostLogin)
      let claims
      try {
        const queryStart = request.url.indexOf('?')
        claims = await provider.finish(queryStart === -1 ? '' : request.url.slice(queryStart + 1), login)
      } catch (error) {
        if (error instanceof SignInProblem) return showProblem(reply, error)
        request.log.error({ err: error }, 'The identity provider could not be reached to finish a sign-in')
        return showProblem(reply, unreachable)
      }
      const email = emailFromClaims(claims, oidc.emailClaims)
      if (!email) {
        return showProblem(
          reply,
          new SignInProblem(
            403,
            'No email address',
            "Your organisation's sign-in service did not tell Golden Thread your email address. Ask your plan admin.",
          ),
        )
      }
      const personId = await accountForEmail(db, email)
      if (!personId) {
        return showProblem(
          reply,
          new SignInProblem(
            403,
            'No account in Golden Thread',
            `There is no account for ${email} in Golden Thread. Ask your plan admin to add you.`,
          ),
        )
      }
      if (await isDeactivated(db, personId)) {
        return showProblem(
          reply,
          new SignInProblem(
            403,
            'Account deactivated',
            `The account for ${email} in Golden Thread has been deactivated. Ask your plan admin if this is a mistake.`,
          ),
        )
      }
      await issueSession(db, request, reply, personId, cookies)
      const complete = login.nextPath
        ? `/sign-in/complete?next=${encodeURIComponent(login.nextPath)}`
        : '/sign-in/complete'
      return reply.header('cache-control', 'no-store').redirect(complete, 302)
    })
  }
}
