import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import type { PublishedResults } from '../../shared/survey-results'
import { HttpError, parseInput } from '../http/errors'
import { requireViewer, viewerOf, type Viewer } from '../auth/viewer'
import { isClosed } from '../surveys/closed'
import { surveysAnsweredBy } from '../surveys/participation'
import { closedResults, loadSurvey, openResults } from '../surveys/results'

const params = z.object({ id: z.uuid('The survey id must be a UUID.') })

/** Which groups a person may see: admins and viewers all that the rules allow; others the organisation and their own teams. */
function visibleTo(viewer: Viewer, results: PublishedResults): PublishedResults {
  const { role, teamIds, managesTeamIds } = viewer.person
  if (role === 'admin' || role === 'viewer') return results
  const mine = new Set([...teamIds, ...(role === 'manager' ? managesTeamIds : [])])
  return {
    ...results,
    groups: results.groups.filter(
      (g) => g.group.kind === 'organisation' || (g.group.kind === 'team' && mine.has(g.group.id)),
    ),
  }
}

/**
 * Results are computed from the stored answers each time and write nothing. Until a
 * survey has closed they are only the organisation-wide count: see src/shared/survey-results.ts.
 */
export function surveyRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))

    // Which open surveys this person has answered, so a second device does not offer them again.
    app.get('/surveys/answered', async (request, reply) => {
      const { orgId, person } = viewerOf(request)
      reply.header('cache-control', 'no-store')
      return { surveyIds: await surveysAnsweredBy(db, orgId, person.id) }
    })

    app.get('/surveys/:id/results', async (request, reply) => {
      const viewer = viewerOf(request)
      const { id } = parseInput(params, request.params)
      const survey = await loadSurvey(db, viewer.orgId, id)
      if (!survey) throw new HttpError(404, 'not_found', 'There is no such survey.')
      reply.header('cache-control', 'no-store')
      if (!(await isClosed(db, survey.id))) return openResults(db, viewer.orgId, survey)
      return visibleTo(viewer, await closedResults(db, viewer.orgId, survey))
    })
  }
}
