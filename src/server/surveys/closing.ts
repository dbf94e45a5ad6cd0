import type { Database, Queryable } from '../db/database'
import { reserveVersions } from '../db/versions'
import type { Survey } from '../../shared/surveys'
import type { PublishedResults } from '../../shared/survey-results'
import { forgetParticipation } from './participation'
import { closedResults, loadSurvey } from './results'
import { surveyFigureSource } from '../../shared/monitoring/measure-actuals'

const todayIso = () => new Date().toISOString().slice(0, 10)

/**
 * Closes a survey for good, in the caller's transaction, which must hold the survey
 * row's lock: marks it closed, gives each linked measure its actual from the
 * organisation-wide result, and forgets who answered, which was only needed to stop a
 * second answer. Does nothing for a survey already closed, so a second close (or a
 * sweep on another replica) changes nothing.
 */
export async function closeSurvey(tx: Queryable, orgId: string, surveyId: string): Promise<boolean> {
  const marked = await tx.query(
    'insert into closed_surveys (survey_id) values ($1) on conflict do nothing returning survey_id',
    [surveyId],
  )
  if (!marked.length) return false
  const survey = await loadSurvey(tx, orgId, surveyId)
  if (!survey) throw new Error(`Survey ${surveyId} is not in organisation ${orgId}`)
  await recordActuals(tx, orgId, survey, await closedResults(tx, orgId, survey))
  await forgetParticipation(tx, surveyId)
  return true
}

/** The organisation-wide result becomes each linked measure's actual, once, with the survey's title as the period. */
async function recordActuals(tx: Queryable, orgId: string, survey: Survey, results: PublishedResults) {
  const organisation = results.groups.find((g) => g.group.kind === 'organisation')
  if (!organisation || organisation.withheld) return
  const measured = organisation.measures.filter((m) => m.percent !== null)
  if (!measured.length) return
  // Versions first: a push takes the organisation's lock before any measure's, and so must this.
  let version = await reserveVersions(tx, orgId, measured.length)
  for (const measure of measured) {
    const rows = await tx.query<{ actuals: { period: string }[] }>(
      'select actuals from measures where id = $1 and org_id = $2 for update',
      [measure.measureId, orgId],
    )
    const actuals = rows[0]?.actuals
    if (!actuals || actuals.some((a) => a.period === survey.title)) continue
    await tx.query('update measures set actuals = $2, version = $3 where id = $1', [
      measure.measureId,
      JSON.stringify([
        ...actuals,
        {
          period: survey.title,
          value: measure.percent,
          note: `Staff survey closed ${survey.closesOn}`,
          source: surveyFigureSource,
        },
      ]),
      version++,
    ])
  }
}

/**
 * Closes every survey whose closing date has passed without a close change. Each in its
 * own transaction, skipping a survey another replica (or an answer being applied) holds:
 * it is picked up next time. Safe to run on any number of replicas at once.
 */
export async function closeDueSurveys(db: Database, today = todayIso()): Promise<string[]> {
  const due = await db.query<{ id: string }>(
    'select s.id from surveys s where s.closes_on < $1::date and not exists (select 1 from closed_surveys c where c.survey_id = s.id) order by s.id',
    [today],
  )
  const closed: string[] = []
  const failures: unknown[] = []
  for (const { id } of due) {
    try {
      const done = await db.transaction(async (tx) => {
        const [locked] = await tx.query<{ org_id: string }>(
          'select org_id from surveys where id = $1 for update skip locked',
          [id],
        )
        return locked ? closeSurvey(tx, locked.org_id, id) : false
      })
      if (done) closed.push(id)
    } catch (failure) {
      failures.push(failure)
    }
  }
  if (failures.length)
    throw new AggregateError(failures, `${failures.length} of ${due.length} surveys due to close could not be closed.`)
  return closed
}
