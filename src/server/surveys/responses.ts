import { randomInt } from 'node:crypto'
import type { Queryable } from '../db/database'
import type { StoredResponse } from '../../shared/survey-results'

/**
 * Answers live in a few bucket rows per survey, one for each team and area the survey
 * reports on, each a JSON array of answer sets. A new set goes in at a random place in
 * its bucket: it has no row of its own, so no row order, xmin or position on disk says
 * when it came, and its place in the array says nothing either. Who answered is kept
 * apart (participation.ts), and nothing joins the two.
 */

const placeBound = 2 ** 47

/** Adds one person's answers at a random place in their bucket. */
export async function addResponse(
  tx: Queryable,
  surveyId: string,
  response: Pick<StoredResponse, 'teamId' | 'areaId'> & { answers: Record<string, unknown> },
): Promise<void> {
  // The place comes from the operating system's random source, not PostgreSQL's random().
  const place = randomInt(placeBound) / placeBound
  await tx.query(
    `insert into survey_answer_buckets (survey_id, team_id, area_id, answers) values ($1, $2, $3, jsonb_build_array($4::jsonb))
     on conflict (survey_id, team_id, area_id) do update
       set answers = jsonb_insert(
         survey_answer_buckets.answers,
         array[floor($5::float8 * (jsonb_array_length(survey_answer_buckets.answers) + 1))::int::text],
         $4::jsonb)`,
    [surveyId, response.teamId, response.areaId, JSON.stringify(response.answers), place],
  )
}

/** Adds many answer sets at once (demo data, benchmarks), each bucket shuffled. */
export async function addResponses(tx: Queryable, surveyId: string, responses: StoredResponse[]): Promise<void> {
  if (!responses.length) return
  await tx.query(
    `insert into survey_answer_buckets (survey_id, team_id, area_id, answers)
     select $1, (r->>'teamId')::uuid, (r->>'areaId')::uuid, jsonb_agg(r->'answers' order by random())
       from jsonb_array_elements($2::jsonb) r group by 2, 3
     on conflict (survey_id, team_id, area_id) do update
       set answers = (select jsonb_agg(e order by random()) from jsonb_array_elements(survey_answer_buckets.answers || excluded.answers) e)`,
    [surveyId, JSON.stringify(responses)],
  )
}

export async function loadResponses(q: Queryable, surveyId: string): Promise<StoredResponse[]> {
  const buckets = await q.query<{ teamId: string | null; areaId: string | null; answers: StoredResponse['answers'][] }>(
    'select team_id as "teamId", area_id as "areaId", answers from survey_answer_buckets where survey_id = $1',
    [surveyId],
  )
  return buckets.flatMap(({ teamId, areaId, answers }) => answers.map((set) => ({ teamId, areaId, answers: set })))
}

export async function countResponses(q: Queryable, surveyId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    'select coalesce(sum(jsonb_array_length(answers)), 0)::int as n from survey_answer_buckets where survey_id = $1',
    [surveyId],
  )
  return rows[0]?.n ?? 0
}
