import type { Queryable } from '../db/database'

/**
 * Who has answered a survey, kept only to stop a second answer while it is open, and
 * forgotten when it closes. Per survey, person ids sit in 16 sorted arrays (shared out
 * by the first hex digit of the id, so no write rewrites everyone): sorted, an array
 * says nothing about who answered first or last.
 */
const shardOf = (param: string) => `get_byte(uuid_send(${param}), 0) >> 4`

export async function recordParticipation(tx: Queryable, surveyId: string, personIds: string[]): Promise<void> {
  if (!personIds.length) return
  await tx.query(
    `insert into survey_participants (survey_id, shard, person_ids)
     select $1, ${shardOf('p')}, array_agg(p order by p) from unnest($2::uuid[]) p group by 2
     on conflict (survey_id, shard) do update
       set person_ids = array(select distinct p from unnest(survey_participants.person_ids || excluded.person_ids) p order by p)`,
    [surveyId, personIds],
  )
}

/** Which of these surveys the person has answered. */
export async function answeredAmong(q: Queryable, personId: string, surveyIds: string[]): Promise<Set<string>> {
  if (!surveyIds.length) return new Set()
  const rows = await q.query<{ survey_id: string }>(
    `select survey_id from survey_participants where survey_id = any($2::uuid[]) and shard = ${shardOf('$1::uuid')} and $1::uuid = any(person_ids)`,
    [personId, surveyIds],
  )
  return new Set(rows.map((r) => r.survey_id))
}

/** The open surveys of the organisation the person has answered. */
export async function surveysAnsweredBy(q: Queryable, orgId: string, personId: string): Promise<string[]> {
  const rows = await q.query<{ survey_id: string }>(
    `select p.survey_id from survey_participants p join surveys s on s.id = p.survey_id
      where s.org_id = $1 and p.shard = ${shardOf('$2::uuid')} and $2::uuid = any(p.person_ids)`,
    [orgId, personId],
  )
  return rows.map((r) => r.survey_id)
}

export async function forgetParticipation(tx: Queryable, surveyId: string): Promise<void> {
  await tx.query('delete from survey_participants where survey_id = $1', [surveyId])
}
