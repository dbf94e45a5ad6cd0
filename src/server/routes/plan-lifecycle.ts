import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import { HttpError, parseInput } from '../http/errors'
import { requireViewer, viewerOf } from '../auth/viewer'
import { deviceKind } from '../auth/device-label'
import { uuid } from '../../shared/pg-values'
import { refreshPlan } from '../plans/lifecycle/refresh'

const params = z.object({ id: uuid('The plan id must be a UUID.') })
// Nothing to say: the plan and who asks are all it takes.
const body = z.strictObject({}).optional()

/** Plan admins, online: starting next year's version of a plan in one transaction (plans/lifecycle/refresh.ts). */
export function planLifecycleRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))
    app.post('/plans/:id/refresh', async (request, reply) => {
      const viewer = viewerOf(request)
      if (viewer.person.role !== 'admin')
        throw new HttpError(403, 'forbidden', 'Only a plan admin can start next year’s version of a plan.')
      const { id } = parseInput(params, request.params)
      parseInput(body, request.body ?? undefined)
      const result = await db.transaction((tx) =>
        refreshPlan(tx, viewer.orgId, id, {
          personId: viewer.person.id,
          deviceKind: deviceKind(request.headers['user-agent']),
        }),
      )
      return reply.code(201).send(result)
    })
  }
}
