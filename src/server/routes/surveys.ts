import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import { rowToRecord } from '../db/tables'
import { reserveVersions } from '../db/versions'
import { reportingTeam, surveySchema, surveyState, type Survey } from '../../shared/surveys'
import { computeResults, type StoredResponse, type SurveyResults } from '../../shared/survey-results'
import { HttpError, parseInput } from '../http/errors'
import { requireViewer, viewerOf, type Viewer } from '../auth/viewer'

const params = z.object({ id: z.uuid('The survey id must be a UUID.') })

async function loadSurvey(db: Database, orgId: string, id: string): Promise<Survey | undefined> {
  const rows = await db.query<{ data: Record<string, unknown> }>('select to_jsonb(s) as data from surveys s where id = $1 and org_id = $2', [id, orgId])
  return rows[0] ? surveySchema.parse(rowToRecord(rows[0].data)) : undefined
}

const loadResponses = (db: Database, surveyId: string) =>
  db.query<StoredResponse>('select team_id as "teamId", area_id as "areaId", answers from survey_responses where survey_id = $1', [surveyId])

/** Which groups a person may see: admins and viewers all that the rules allow; others the organisation and their own teams. */
function visibleTo(viewer: Viewer, results: SurveyResults): SurveyResults {
  const { role, teamIds, managesTeamIds } = viewer.person
  if (role === 'admin' || role === 'viewer') return results
  const mine = new Set([...teamIds, ...(role === 'manager' ? managesTeamIds : [])])
  return { ...results, groups: results.groups.filter((g) => g.group.kind === 'organisation' || (g.group.kind === 'team' && mine.has(g.group.id))) }
}

/** Results are computed from the stored responses each time: there is no per-person row to read, only groups. */
export function surveyRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))

    // Which surveys this person has answered, so a second device does not offer them again.
    app.get('/surveys/answered', async (request) => {
      const rows = await db.query<{ survey_id: string }>('select survey_id from survey_participation where person_id = $1', [viewerOf(request).person.id])
      return { surveyIds: rows.map((r) => r.survey_id) }
    })

    app.get('/surveys/:id/results', async (request, reply) => {
      const viewer = viewerOf(request)
      const { id } = parseInput(params, request.params)
      const survey = await loadSurvey(db, viewer.orgId, id)
      if (!survey) throw new HttpError(404, 'not_found', 'There is no such survey.')
      const previousSurvey = survey.previousSurveyId ? await loadSurvey(db, viewer.orgId, survey.previousSurveyId) : undefined
      const [responses, previousResponses, org, areas, teams, people, measures] = await Promise.all([
        loadResponses(db, survey.id),
        previousSurvey ? loadResponses(db, previousSurvey.id) : Promise.resolve([]),
        db.query<{ id: string; name: string }>('select id, name from organisations where id = $1', [viewer.orgId]),
        // The company-wide area is the organisation itself; its teams are reported as teams.
        db.query<{ id: string; name: string }>("select id, name from areas where org_id = $1 and kind <> 'organisation' order by position", [viewer.orgId]),
        db.query<{ id: string; name: string; areaId: string }>('select id, name, area_id as "areaId" from teams where org_id = $1 order by name', [viewer.orgId]),
        db.query<{ team_ids: string[] }>("select team_ids from people where org_id = $1 and role <> 'viewer'", [viewer.orgId]),
        db.query<{ id: string; title: string; direction: 'higher-is-better' | 'lower-is-better'; targets: { value: number; by: string }[] }>(
          'select id, title, direction, targets from measures where org_id = $1 and id = any($2::uuid[])',
          [viewer.orgId, survey.measureLinks.map((l) => l.measureId)],
        ),
      ])
      const areaOfTeam = new Map(teams.map((t) => [t.id, t.areaId]))
      // The audience of each group, counted the same way responses are filed.
      const audience = new Map<string, number>()
      const count = (key: string) => audience.set(key, (audience.get(key) ?? 0) + 1)
      for (const person of people) {
        const teamId = reportingTeam(survey.audience, person.team_ids, (t) => areaOfTeam.get(t))
        if (teamId === undefined) continue
        count('organisation')
        if (teamId) {
          count(teamId)
          count(areaOfTeam.get(teamId)!)
        }
      }
      // Responses are filed under the same groups; a company-wide team's area is not reported.
      const reportedAreas = new Set(areas.map((a) => a.id))
      for (const response of responses) {
        if (response.areaId && !reportedAreas.has(response.areaId)) response.areaId = null
      }
      const results = computeResults({
        survey,
        responses,
        previous: previousSurvey ? { survey: previousSurvey, responses: previousResponses } : undefined,
        audience,
        organisation: org[0]!,
        areas,
        teams,
        measures,
      })
      if (surveyState(survey, new Date().toISOString().slice(0, 10)) === 'closed') await recordActuals(db, viewer.orgId, survey, results)
      reply.header('cache-control', 'no-store')
      return visibleTo(viewer, results)
    })
  }
}

/**
 * A closed survey's organisation-wide result becomes the actual of each measure it is
 * linked to, once (keyed by the survey's title as the period).
 */
async function recordActuals(db: Database, orgId: string, survey: Survey, results: SurveyResults) {
  const organisation = results.groups.find((g) => g.group.kind === 'organisation')
  if (!organisation || organisation.withheld) return
  for (const measure of organisation.measures) {
    if (measure.percent === null) continue
    await db.transaction(async (tx) => {
      const rows = await tx.query<{ actuals: { period: string }[] }>('select actuals from measures where id = $1 and org_id = $2 for update', [measure.measureId, orgId])
      const actuals = rows[0]?.actuals
      if (!actuals || actuals.some((a) => a.period === survey.title)) return
      const version = await reserveVersions(tx, orgId, 1)
      await tx.query('update measures set actuals = $2, version = $3 where id = $1', [
        measure.measureId,
        JSON.stringify([...actuals, { period: survey.title, value: measure.percent, note: `Staff survey closed ${survey.closesOn}` }]),
        version,
      ])
    })
  }
}
