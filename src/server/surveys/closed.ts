import type { Queryable } from '../db/database'

/**
 * A survey is closed once closed_surveys holds it: written when the close change is
 * applied, or by the sweep once its closing date has passed, under the survey row's lock
 * that every answer takes too. From then on no answer is taken and results are shown.
 */
export async function closedAmong(q: Queryable, surveyIds: string[]): Promise<Set<string>> {
  if (!surveyIds.length) return new Set()
  const rows = await q.query<{ survey_id: string }>(
    'select survey_id from closed_surveys where survey_id = any($1::uuid[])',
    [surveyIds],
  )
  return new Set(rows.map((r) => r.survey_id))
}

export const isClosed = async (q: Queryable, surveyId: string) => (await closedAmong(q, [surveyId])).has(surveyId)
