import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import type { DeviceSessions, EndedSessions } from '../../shared/sessions'
import { uuid } from '../../shared/pg-values'
import { HttpError, parseInput } from '../http/errors'
import { devicesOf, endSessions } from '../auth/device-sessions'
import { sessionCookie } from '../auth/sessions'
import { requireViewer, sessionIdOf, viewerOf } from '../auth/viewer'

const params = z.object({ id: uuid('The session id must be a UUID.') })

/** A person's own devices: which are signed in, and signing any or all of them out. */
export function sessionRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))

    app.get('/auth/sessions', async (request): Promise<DeviceSessions> => ({
      sessions: await devicesOf(db, viewerOf(request).person.id, sessionIdOf(request)),
    }))

    app.delete('/auth/sessions/:id', async (request, reply) => {
      const { id } = parseInput(params, request.params)
      const ended = await endSessions(db, viewerOf(request).person.id, { only: id })
      if (ended === 0)
        throw new HttpError(404, 'not_found', 'That device is not signed in as you, or was already signed out.')
      if (id === sessionIdOf(request)) reply.clearCookie(sessionCookie, { path: '/api' })
      return reply.status(204).send()
    })

    app.post('/auth/sessions/end-others', async (request): Promise<EndedSessions> => ({
      ended: await endSessions(db, viewerOf(request).person.id, { allBut: sessionIdOf(request) }),
    }))

    app.post('/auth/sessions/end-all', async (request, reply): Promise<EndedSessions> => {
      const ended = await endSessions(db, viewerOf(request).person.id, 'all')
      reply.clearCookie(sessionCookie, { path: '/api' })
      return { ended }
    })
  }
}
