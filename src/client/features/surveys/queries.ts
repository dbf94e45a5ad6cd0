import type { Ref } from 'vue'
import type { Area, Measure, Person, Team, Value } from '../../../shared/entities'
import type { Survey, SurveyDraft } from '../../../shared/surveys'
import { reportingTeam, surveyState, type SurveyState } from '../../../shared/survey-rules'
import type { SurveyResults } from '../../../shared/survey-results'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { api, ApiRefusal, Unreachable } from '../../sync/api'

/** Today as the server reckons it (UTC), YYYY-MM-DD: a survey is open from its opening day to its closing day. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10)

export type SurveyAnswers = Record<string, number | string>
type Who = Pick<Person, 'id' | 'role' | 'teamIds'>

/** The person as the device last synced them (their teams may have changed since sign-in), else as signed in. */
async function currentPerson(db: LocalDatabase, signedIn: Who): Promise<Who> {
  return (await db.people.get(signedIn.id)) ?? signedIn
}

async function areaOfTeamLookup(db: LocalDatabase, teamIds: string[]): Promise<(teamId: string) => string | undefined> {
  const teams = await db.teams.bulkGet(teamIds)
  const areas = new Map(teams.flatMap((t) => (t ? [[t.id, t.areaId] as const] : [])))
  return (teamId) => areas.get(teamId)
}

/** Whether a person is in a survey's audience: their answers would be reported under a team, or the organisation. */
export async function inAudience(
  db: LocalDatabase,
  survey: Pick<Survey, 'audience'>,
  person: Pick<Person, 'teamIds'>,
): Promise<boolean> {
  return reportingTeam(survey.audience, person.teamIds, await areaOfTeamLookup(db, person.teamIds)) !== undefined
}

export interface SurveySummary {
  survey: Survey
  state: SurveyState
  answered: boolean
  inAudience: boolean
  /** Open, in the audience, not answered, and the person is not a read-only viewer. */
  canAnswer: boolean
  /** A "Close now" from this device is waiting to send. */
  closing: boolean
}

/** Every survey on the device, newest first, with what this person may do with each. */
export async function loadSurveyList(
  db: LocalDatabase,
  signedIn: Who,
  today = todayIso(),
): Promise<{ surveys: SurveySummary[]; waitingToCreate: SurveyDraft[] }> {
  const person = await currentPerson(db, signedIn)
  const [surveys, answered, waiting, areaOf] = await Promise.all([
    db.surveys.orderBy('opensOn').reverse().toArray(),
    db.answeredSurveys.toArray().then((rows) => new Set(rows.map((r) => r.surveyId))),
    db.outbox.where('state').equals('waiting').toArray(),
    areaOfTeamLookup(db, person.teamIds),
  ])
  const closing = new Set(
    waiting.flatMap((e) => (e.mutation.kind === 'survey.close' ? [e.mutation.data.surveyId] : [])),
  )
  const known = new Set(surveys.map((s) => s.id))
  const waitingToCreate = waiting.flatMap((e) =>
    e.mutation.kind === 'survey.create' && !known.has(e.mutation.data.id) ? [e.mutation.data] : [],
  )
  return {
    surveys: surveys.map((survey) => {
      const state = surveyState(survey, today)
      const audience = reportingTeam(survey.audience, person.teamIds, areaOf) !== undefined
      const isAnswered = answered.has(survey.id)
      return {
        survey,
        state,
        answered: isAnswered,
        inAudience: audience,
        canAnswer: state === 'open' && audience && !isAnswered && person.role !== 'viewer',
        closing: closing.has(survey.id),
      }
    }),
    waitingToCreate,
  }
}

/** The surveys a person may answer now, soonest closing first. */
export async function loadOpenSurveys(db: LocalDatabase, signedIn: Who, today = todayIso()): Promise<Survey[]> {
  const { surveys } = await loadSurveyList(db, signedIn, today)
  return surveys
    .filter((s) => s.canAnswer)
    .map((s) => s.survey)
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn))
}

export interface SurveyPage {
  survey: Survey
  state: SurveyState
  answered: boolean
  inAudience: boolean
  canAnswer: boolean
}

export async function loadSurveyPage(
  db: LocalDatabase,
  surveyId: string,
  signedIn: Who,
  today = todayIso(),
): Promise<SurveyPage | undefined> {
  const survey = await db.surveys.get(surveyId)
  if (!survey) return undefined
  const person = await currentPerson(db, signedIn)
  const [answered, audience] = await Promise.all([
    db.answeredSurveys.get(surveyId).then(Boolean),
    inAudience(db, survey, person),
  ])
  const state = surveyState(survey, today)
  return {
    survey,
    state,
    answered,
    inAudience: audience,
    canAnswer: state === 'open' && audience && !answered && person.role !== 'viewer',
  }
}

/** The draft answers kept on this device for a survey, if any. */
export const loadDraft = (db: LocalDatabase, surveyId: string) => db.surveyDrafts.get(surveyId)

/**
 * Where this device's answers to a survey are: `waiting` in the outbox, `refused` by the server
 * (with its reason), or `sent`, since the outbox row goes only once the server has applied them.
 */
export type AnswersDelivery = { state: 'waiting' } | { state: 'refused'; reason: string } | { state: 'sent' }

export async function loadAnswersDelivery(db: LocalDatabase, surveyId: string): Promise<AnswersDelivery> {
  const entry = await db.outbox
    .filter(({ mutation }) => mutation.kind === 'survey.submit' && mutation.data.surveyId === surveyId)
    .first()
  if (!entry) return { state: 'sent' }
  return entry.state === 'refused' ? { state: 'refused', reason: entry.reason ?? '' } : { state: 'waiting' }
}

/**
 * Asks the server which surveys this person has answered (on any device) and
 * remembers them. Never forgets a local one: it may be waiting to send.
 * Quietly does nothing without a connection.
 */
export async function refreshAnswered(db: LocalDatabase): Promise<void> {
  try {
    const { surveyIds } = await api<{ surveyIds: string[] }>('/surveys/answered')
    if (surveyIds.length) await db.answeredSurveys.bulkPut(surveyIds.map((surveyId) => ({ surveyId })))
  } catch (error) {
    if (!(error instanceof Unreachable) && !(error instanceof ApiRefusal)) throw error
  }
}

export interface CachedResults {
  surveyId: string
  results: SurveyResults
  fetchedAt: string
}

/** Fetches a survey's results and keeps them on the device, to read again offline. */
export async function fetchResults(db: LocalDatabase, surveyId: string, now = new Date()): Promise<CachedResults> {
  const results = await api<SurveyResults>(`/surveys/${encodeURIComponent(surveyId)}/results`)
  const row = { surveyId, results, fetchedAt: now.toISOString() }
  await db.surveyResults.put(row)
  return row
}

export interface ResultsPage {
  survey: Survey | undefined
  cached: CachedResults | undefined
  valueNames: Map<string, string>
}

export async function loadResultsPage(db: LocalDatabase, surveyId: string): Promise<ResultsPage> {
  const [survey, cached, values] = await Promise.all([
    db.surveys.get(surveyId),
    db.surveyResults.get(surveyId),
    db.values.toArray(),
  ])
  return { survey, cached, valueNames: new Map(values.map((v) => [v.id, v.name])) }
}

export interface NewSurveyChoices {
  values: Value[]
  areas: Area[]
  teams: Team[]
  measures: Measure[]
  surveys: Survey[]
}

export async function loadNewSurveyChoices(db: LocalDatabase): Promise<NewSurveyChoices> {
  const [values, areas, teams, measures, surveys] = await Promise.all([
    db.values.orderBy('position').toArray(),
    db.areas.orderBy('position').toArray(),
    db.teams.toArray(),
    db.measures.toArray(),
    db.surveys.orderBy('opensOn').reverse().toArray(),
  ])
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
  return {
    values,
    areas,
    teams: teams.sort(byName),
    measures: measures.sort((a, b) => a.title.localeCompare(b.title)),
    surveys,
  }
}

/* Live versions for the screens: they follow sync and this device's own changes. */

export const useSurveyList = (person: Ref<Who | undefined>) =>
  useLiveQuery((who) => (who ? loadSurveyList(localDb, who) : Promise.resolve(undefined)), person)

export const useOpenSurveys = (person: Ref<Who | undefined>) =>
  useLiveQuery((who) => (who ? loadOpenSurveys(localDb, who) : Promise.resolve([])), person)

export const useSurveyPage = (input: Ref<{ id: string; person: Who | undefined }>) =>
  useLiveQuery(({ id, person }) => (person ? loadSurveyPage(localDb, id, person) : Promise.resolve(undefined)), input)

export const useAnswersDelivery = (surveyId: Ref<string>) =>
  useLiveQuery((id) => loadAnswersDelivery(localDb, id), surveyId)

export const useResultsPage = (id: Ref<string>) => useLiveQuery((surveyId) => loadResultsPage(localDb, surveyId), id)

export const useNewSurveyChoices = () => useLiveQuery(() => loadNewSurveyChoices(localDb))
