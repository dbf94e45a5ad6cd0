import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database'
import { pullChanges } from '../db/pull'
import { pullQuerySchema } from '../../shared/sync/protocol'
import { parseInput } from '../http/errors'
import { requireViewer, viewerOf } from '../auth/viewer'

export function syncRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))

    // Everything in a plan is the organisation's to read, so a person's scope is their organisation.
    app.get('/sync/pull', async (request, reply) => {
      const query = parseInput(pullQuerySchema, request.query)
      reply.header('cache-control', 'no-store')
      return pullChanges(db, viewerOf(request).orgId, query)
    })
  }
}
