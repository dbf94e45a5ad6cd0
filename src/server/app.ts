import Fastify, { type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import compress from '@fastify/compress'
import type { Database } from './db/database'
import { handleError, notFound } from './http/errors'
import { registerSecurity } from './http/security'
import { registerStatic } from './http/static'
import { authRoutes } from './routes/auth'
import { healthRoutes } from './routes/health'
import { syncRoutes } from './routes/sync'
import { attachmentRoutes } from './routes/attachments'
import { surveyRoutes } from './routes/surveys'
import type { AttachmentStore } from './attachments/folder-store'

export interface AppOptions {
  db: Database
  /** Where attachment bytes go. */
  attachments: AttachmentStore
  /** The built client (dist/); absent for an API-only server. */
  staticDir?: string
  /** Origins besides the server's own that may send state-changing requests. */
  allowedOrigins?: string[]
  secureCookies?: boolean
  trustProxy?: boolean
  /** pino level; absent means silent (tests). */
  logLevel?: string
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options
  const app = Fastify({
    logger: options.logLevel ? { level: options.logLevel } : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  })
  app.setErrorHandler(handleError)
  await app.register(cookie)
  // A first pull of a large plan is several megabytes of JSON; gzip makes it about a seventh.
  await app.register(compress, { encodings: ['gzip'], threshold: 1024 })
  await registerSecurity(app, options.allowedOrigins ?? [])

  await app.register(
    async (api) => {
      await api.register(healthRoutes(db))
      await api.register(authRoutes(db, { secureCookies: options.secureCookies ?? false }))
      await api.register(syncRoutes(db))
      await api.register(attachmentRoutes(db, options.attachments))
      await api.register(surveyRoutes(db))
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
