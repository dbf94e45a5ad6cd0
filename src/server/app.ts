import Fastify, { type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import compress from '@fastify/compress'
import type { Database } from './db/database'
import { handleClientError, handleError, handleFrameworkError, notFound } from './http/errors'
import { loggerOptions, type LogDestination } from './http/logging'
import { registerSecurity } from './http/security'
import { registerStatic } from './http/static'
import { authRoutes } from './routes/auth'
import { sessionRoutes } from './routes/sessions'
import { peopleRoutes } from './routes/people'
import { teamRoutes } from './routes/teams'
import { planImportRoutes } from './routes/plan-import'
import { planLifecycleRoutes } from './routes/plan-lifecycle'
import { reportLockRoutes } from './routes/report-locks'
import { oidcRoutes } from './routes/oidc'
import type { SignInSettings } from './auth/oidc-settings'
import { healthRoutes } from './routes/health'
import { syncRoutes } from './routes/sync'
import { attachmentRoutes } from './routes/attachments'
import { surveyRoutes } from './routes/surveys'
import type { AttachmentStore } from './attachments/store'
import { postgresStore } from './attachments/postgres-store'

export interface AppOptions {
  db: Database
  /** Where attachment bytes go; absent means PostgreSQL, beside everything else. */
  attachments?: AttachmentStore
  /** Bytes one person may hold in uploads not yet used by evidence (200 MB if absent). */
  uploadQuotaBytes?: number
  /** The built client (dist/); absent for an API-only server. */
  staticDir?: string
  /** Origins besides the server's own that may send state-changing requests. */
  allowedOrigins?: string[]
  secureCookies?: boolean
  /** Passwords, the organisation's identity provider, or both; absent means passwords only. */
  signIn?: SignInSettings
  trustProxy?: boolean
  /** pino level; absent means silent (tests). */
  logLevel?: string
  /** Where log lines go instead of standard output (tests read them). */
  logDestination?: LogDestination
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options
  const app = Fastify({
    logger: loggerOptions(options.logLevel, options.logDestination),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Ids are 36 characters; a longer path parameter is answered 414 by handleFrameworkError.
    routerOptions: { maxParamLength: 100 },
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  })
  app.setErrorHandler(handleError)
  await app.register(cookie)
  // A first pull of a large plan is several megabytes of JSON; gzip makes it about a seventh.
  await app.register(compress, { encodings: ['gzip'], threshold: 1024 })
  await registerSecurity(app, options.allowedOrigins ?? [])

  await app.register(
    async (api) => {
      await api.register(healthRoutes(db))
      const signIn = options.signIn ?? { password: true }
      const cookies = { secureCookies: options.secureCookies ?? false }
      await api.register(authRoutes(db, { ...cookies, passwordSignIn: signIn.password }))
      await api.register(oidcRoutes(db, signIn, cookies))
      await api.register(syncRoutes(db))
      await api.register(attachmentRoutes(db, options.attachments ?? postgresStore(db), options.uploadQuotaBytes))
      await api.register(surveyRoutes(db))
      await api.register(sessionRoutes(db))
      await api.register(peopleRoutes(db))
      await api.register(teamRoutes(db))
      await api.register(planImportRoutes(db))
      await api.register(planLifecycleRoutes(db))
      await api.register(reportLockRoutes(db))
    },
    { prefix: '/api' },
  )

  if (options.staticDir) await registerStatic(app, options.staticDir)
  else
    app.setNotFoundHandler((request) => {
      throw notFound(request.method, request.url)
    })
  return app
}
