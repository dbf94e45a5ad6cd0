import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import { parseInput } from '../http/errors'
import { requireViewer } from '../auth/viewer'
import { adminOf } from '../people/admin-guard'
import { uuid } from '../../shared/pg-values'
import { lockQuarterSchema } from '../../shared/monitoring/report-locks'
import { lockQuarter } from '../monitoring/lock-quarter'

const params = z.object({ id: uuid('The plan id must be a UUID.') })

/** Plan admins, online: locking a plan's quarter with its report as it stands (monitoring/lock-quarter.ts). */
export function reportLockRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))
    app.post('/plans/:id/quarters/lock', async (request, reply) => {
      const viewer = adminOf(request, 'lock a quarter’s report')
      const { id } = parseInput(params, request.params)
      const { quarter } = parseInput(lockQuarterSchema, request.body)
      const lock = await db.transaction((tx) =>
        lockQuarter(tx, viewer.orgId, id, quarter, { personId: viewer.person.id, now: new Date() }),
      )
      return reply.code(201).send(lock)
    })
  }
}
