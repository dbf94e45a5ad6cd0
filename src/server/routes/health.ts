import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database'

export function healthRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.get('/health', async (_request, reply) => {
      try {
        await db.query('select 1')
        return { status: 'ok', database: db.kind }
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: db.kind })
      }
    })
  }
}
