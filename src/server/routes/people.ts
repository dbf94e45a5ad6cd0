import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import type { EndedSessions, OrganisationPeople } from '../../shared/sessions'
import type { Role } from '../../shared/entities'
import { uuid } from '../../shared/pg-values'
import { HttpError, parseInput } from '../http/errors'
import { endSessions } from '../auth/device-sessions'
import { sessionIdleSeconds, usableSession } from '../auth/sessions'
import { requireViewer, viewerOf, type Viewer } from '../auth/viewer'

const params = z.object({ id: uuid('The person id must be a UUID.') })

function adminOf(request: FastifyRequest): Viewer {
  const viewer = viewerOf(request)
  if (viewer.person.role !== 'admin')
    throw new HttpError(403, 'forbidden', 'Only a plan admin can see and end the sessions of other people.')
  return viewer
}

/** For plan admins: the organisation's people, how many devices each is signed in on, and ending them. */
export function peopleRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))

    app.get('/people', async (request): Promise<OrganisationPeople> => {
      const admin = adminOf(request)
      const rows = await db.query<{ id: string; name: string; job_title: string; role: Role; active_sessions: number }>(
        `select p.id, p.name, p.job_title, p.role,
                (select count(*)::int from sessions s where s.person_id = p.id and ${usableSession('$2')}) as active_sessions
           from people p
          where p.org_id = $1
          order by p.name, p.id`,
        [admin.orgId, sessionIdleSeconds],
      )
      return {
        people: rows.map((row) => ({
          id: row.id,
          name: row.name,
          jobTitle: row.job_title,
          role: row.role,
          activeSessions: row.active_sessions,
        })),
      }
    })

    app.post('/people/:id/sessions/end', async (request): Promise<EndedSessions> => {
      const admin = adminOf(request)
      const { id } = parseInput(params, request.params)
      // Another organisation's person is answered as if there were none.
      const [person] = await db.query('select 1 from people where id = $1 and org_id = $2', [id, admin.orgId])
      if (!person) throw new HttpError(404, 'not_found', 'There is no such person in your organisation.')
      return { ended: await endSessions(db, id, 'all') }
    })
  }
}
