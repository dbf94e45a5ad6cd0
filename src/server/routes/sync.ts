import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database'
import { pullPageJson } from '../db/pull'
import { pullQuerySchema } from '../../shared/sync/protocol'
import { pushRequestSchema, type PushResponse } from '../../shared/sync/mutations'
import { HttpError, parseInput } from '../http/errors'
import { requireViewer, viewerOf } from '../auth/viewer'
import { applyPush } from '../mutations/apply'
import { deviceKind } from '../auth/device-label'

export function syncRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))

    // Everything in a plan is the organisation's to read, so a person's scope is their organisation
    // (but for what is theirs alone: see pull.ts).
    app.get('/sync/pull', async (request, reply) => {
      const query = parseInput(pullQuerySchema, request.query)
      const { orgId, person } = viewerOf(request)
      // The page comes from the database as JSON text, sent as it is.
      reply.header('cache-control', 'no-store').type('application/json; charset=utf-8')
      return pullPageJson(db, { orgId, personId: person.id, admin: person.role === 'admin' }, query)
    })

    // 500 changes of notes up to 4,000 characters fit well inside 8 MB.
    app.post('/sync/push', { bodyLimit: 8 * 1024 * 1024 }, async (request): Promise<PushResponse> => {
      const viewer = viewerOf(request)
      if (viewer.person.role === 'viewer') {
        throw new HttpError(403, 'read_only', 'Your account can read the plan but not change it.')
      }
      const { mutations } = parseInput(pushRequestSchema, request.body)
      // The device sending a change is the one it was made on: each device sends only its own outbox.
      return { results: await applyPush(db, viewer, mutations, deviceKind(request.headers['user-agent'])) }
    })
  }
}
