import type { FastifyInstance } from 'fastify'
import helmet from '@fastify/helmet'
import { HttpError } from './errors'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Strict headers on every response, and an Origin check on every request that changes
 * state. The session cookie is SameSite=Lax; the Origin check is what stops a
 * same-site page (another subdomain) from posting as the user.
 */
export async function registerSecurity(app: FastifyInstance, allowedOrigins: string[]) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // Sent below, and only over HTTPS: over plain HTTP a browser ignores it, and a proxy may cache it.
    strictTransportSecurity: false,
  })
  app.addHook('onSend', async (request, reply) => {
    // `protocol` honours X-Forwarded-Proto only when TRUST_PROXY is set.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    // Every API answer is someone's (their session, their organisation's plan, their files):
    // no browser, proxy or service-worker cache may keep it.
    if (request.url.startsWith('/api/') && !String(reply.getHeader('cache-control') ?? '').includes('no-store')) {
      reply.header('cache-control', 'no-store')
    }
  })
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method)) return
    const origin = request.headers.origin
    // Browsers always send Origin on these requests; clients with no Origin are not browsers.
    if (origin === undefined) return
    const own = `${request.protocol}://${request.host}`
    if (origin !== own && !allowedOrigins.includes(origin)) {
      throw new HttpError(403, 'bad_origin', 'This request came from another site and was refused.')
    }
  })
}
