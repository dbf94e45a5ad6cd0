import type { FastifyInstance } from 'fastify'
import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database'
import { insertRecords } from '../db/tables'
import { reserveVersions } from '../db/versions'
import { newTeamSchema, type TeamChoice, type TeamsList } from '../../shared/people-admin'
import { HttpError, parseInput } from '../http/errors'
import { requireViewer } from '../auth/viewer'
import { adminOf } from '../people/admin-guard'

const manage = 'add teams'

/** For plan admins, online only: the organisation's teams and areas, and adding a team. */
export function teamRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))

    const teamsOf = (orgId: string, teamId?: string) =>
      db.query<TeamChoice>(
        `select t.id, t.name, t.service, t.area_id as "areaId", a.name as "areaName"
           from teams t join areas a on a.id = t.area_id
          where t.org_id = $1 and ($2::uuid is null or t.id = $2)
          order by t.name, t.id`,
        [orgId, teamId ?? null],
      )

    app.get('/teams', async (request): Promise<TeamsList> => {
      const admin = adminOf(request, manage)
      const areas = await db.query<{ id: string; name: string }>(
        'select id, name from areas where org_id = $1 order by position, name',
        [admin.orgId],
      )
      return { teams: await teamsOf(admin.orgId), areas }
    })

    app.post('/teams', async (request, reply): Promise<TeamChoice> => {
      const admin = adminOf(request, manage)
      const team = parseInput(newTeamSchema, request.body)
      const id = randomUUID()
      await db.transaction(async (tx) => {
        const [area] = await tx.query('select 1 from areas where id = $1 and org_id = $2', [team.areaId, admin.orgId])
        if (!area)
          throw new HttpError(400, 'invalid_input', 'The request was not valid. Choose an area of your organisation.', [
            { path: 'areaId', message: 'Choose an area of your organisation' },
          ])
        const [same] = await tx.query('select 1 from teams where org_id = $1 and lower(name) = lower($2)', [
          admin.orgId,
          team.name,
        ])
        if (same)
          throw new HttpError(409, 'team_exists', `Your organisation already has a team called "${team.name}".`, [
            { path: 'name', message: 'Your organisation already has a team with this name' },
          ])
        const version = await reserveVersions(tx, admin.orgId, 1)
        await insertRecords(tx, 'teams', [{ id, orgId: admin.orgId, version, ...team }])
      })
      const [created] = await teamsOf(admin.orgId, id)
      return reply.status(201).send(created)
    })
  }
}
