import type { Queryable } from '../db/database'
import { rowToRecord } from '../db/tables'
import { reportingTeam, surveySchema, type Survey } from '../../shared/surveys'
import {
  computeResults,
  resultsSoFar,
  type LinkedMeasure,
  type PublishedResults,
  type ResultsSoFar,
} from '../../shared/survey-results'
import { isClosed } from './closed'
import { countResponses, loadResponses } from './responses'

/**
 * Reads what results are made of, and writes nothing. One query after another: `q` may
 * be a transaction's single connection, which takes no queries side by side.
 */

export async function loadSurvey(q: Queryable, orgId: string, id: string): Promise<Survey | undefined> {
  const rows = await q.query<{ data: Record<string, unknown> }>(
    'select to_jsonb(s) as data from surveys s where id = $1 and org_id = $2',
    [id, orgId],
  )
  return rows[0] ? surveySchema.parse(rowToRecord(rows[0].data)) : undefined
}

const loadTeams = (q: Queryable, orgId: string) =>
  q.query<{ id: string; name: string; areaId: string }>(
    'select id, name, area_id as "areaId" from teams where org_id = $1 order by name',
    [orgId],
  )

/** The audience of each group ('organisation' for the whole), counted the way answers are filed. */
async function countAudience(
  q: Queryable,
  orgId: string,
  survey: Survey,
  teams: { id: string; areaId: string }[],
): Promise<Map<string, number>> {
  const people = await q.query<{ team_ids: string[] }>(
    "select team_ids from people where org_id = $1 and role <> 'viewer'",
    [orgId],
  )
  const areaOfTeam = new Map(teams.map((t) => [t.id, t.areaId]))
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
  return audience
}

/** An open survey's results: how many have answered across the organisation, and nothing else. */
export async function openResults(q: Queryable, orgId: string, survey: Survey): Promise<ResultsSoFar> {
  const responses = await countResponses(q, survey.id)
  const audience = await countAudience(q, orgId, survey, await loadTeams(q, orgId))
  return resultsSoFar(survey, responses, audience.get('organisation') ?? 0)
}

/** Every group's results of a closed survey, before any person's view is applied. */
export async function closedResults(q: Queryable, orgId: string, survey: Survey): Promise<PublishedResults> {
  const previous = survey.previousSurveyId ? await loadSurvey(q, orgId, survey.previousSurveyId) : undefined
  // A previous round still open is not compared with: its figures would move as people answer it.
  const comparable = previous && (await isClosed(q, previous.id)) ? previous : undefined
  const responses = await loadResponses(q, survey.id)
  const previousResponses = comparable ? await loadResponses(q, comparable.id) : []
  const org = await q.query<{ id: string; name: string }>('select id, name from organisations where id = $1', [orgId])
  // The company-wide area is the organisation itself; its teams are reported as teams.
  const areas = await q.query<{ id: string; name: string }>(
    "select id, name from areas where org_id = $1 and kind <> 'organisation' order by position",
    [orgId],
  )
  const teams = await loadTeams(q, orgId)
  const measures = await q.query<LinkedMeasure>(
    'select id, title, direction, targets from measures where org_id = $1 and id = any($2::uuid[])',
    [orgId, survey.measureLinks.map((l) => l.measureId)],
  )
  const audience = await countAudience(q, orgId, survey, teams)
  // Answers are filed under the same groups; a company-wide team's area is not reported.
  const reportedAreas = new Set(areas.map((a) => a.id))
  for (const response of [...responses, ...previousResponses]) {
    if (response.areaId && !reportedAreas.has(response.areaId)) response.areaId = null
  }
  return computeResults({
    survey,
    responses,
    previous: comparable ? { survey: comparable, responses: previousResponses } : undefined,
    audience,
    organisation: org[0]!,
    areas,
    teams,
    measures,
  })
}
