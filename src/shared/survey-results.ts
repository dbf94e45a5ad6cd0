import { choicesOf, type Question, type Survey } from './surveys'
import { groupsToWithhold } from './survey-suppression'
import { difference, favourableShare, percent } from './survey-shares'
import { measureResults } from './survey-measures'

/** What results are shown for: the organisation, an area, or a team. */
export interface GroupRef {
  kind: 'organisation' | 'area' | 'team'
  id: string
  name: string
}

export interface QuestionResult {
  questionId: string
  key: string
  text: string
  kind: Question['kind']
  valueId: string | null
  answered: number
  /** Agree or strongly agree, yes, or 7-10; null for free text. */
  favourablePercent: number | null
  /** Answers per choice, in the order of choicesOf. */
  distribution: number[]
  previousPercent: number | null
  change: number | null
  /** Free-text answers: only ever present for a group at or above the minimum. */
  comments?: string[]
}

export interface MeasureResult {
  measureId: string
  title: string
  percent: number | null
  target: { value: number; by: string } | null
  onTrack: boolean | null
}

export interface PublishedGroup {
  group: GroupRef
  withheld: false
  audience: number
  responses: number
  responseRatePercent: number
  questions: QuestionResult[]
  values: { valueId: string; favourablePercent: number | null; previousPercent: number | null; change: number | null }[]
  measures: MeasureResult[]
}
export interface WithheldGroup {
  group: GroupRef
  withheld: true
  reason: string
}
export type GroupResult = PublishedGroup | WithheldGroup

/**
 * The rule against comparing results at two moments: while a survey is open nobody sees
 * a group's results, only how many have answered across the organisation. Groups are
 * published once the survey has closed, when no more answers can be added, so the
 * figures never move again.
 */
export interface ResultsSoFar {
  surveyId: string
  published: false
  opensOn: string
  closesOn: string
  /** Answers so far, across the whole organisation. */
  responses: number
  audience: number
  responseRatePercent: number
}

export interface PublishedResults {
  surveyId: string
  published: true
  minimumGroup: number
  groups: GroupResult[]
}

export type SurveyResults = ResultsSoFar | PublishedResults

export interface StoredResponse {
  teamId: string | null
  areaId: string | null
  answers: Record<string, number | string>
}

export interface ResultsInput {
  survey: Survey
  responses: StoredResponse[]
  previous?: { survey: Survey; responses: StoredResponse[] }
  /** People in the audience, per group id ('organisation' for the whole). */
  audience: Map<string, number>
  organisation: { id: string; name: string }
  areas: { id: string; name: string }[]
  teams: { id: string; name: string; areaId: string }[]
  measures: LinkedMeasure[]
}

/** A measure a survey feeds, as its result needs it: only a target with a value and a date can be met or missed. */
export interface LinkedMeasure {
  id: string
  title: string
  direction: 'higher-is-better' | 'lower-is-better' | null
  targets: { value?: number; by?: string }[]
}

/** What an open survey shows: the organisation-wide count, which says nothing about any answer. */
export function resultsSoFar(
  survey: Pick<Survey, 'id' | 'opensOn' | 'closesOn'>,
  responses: number,
  audience: number,
): ResultsSoFar {
  const { id: surveyId, opensOn, closesOn } = survey
  return {
    surveyId,
    published: false,
    opensOn,
    closesOn,
    responses,
    audience,
    responseRatePercent: percent(responses, audience) ?? 0,
  }
}

/** Computes the results of a closed survey for every group the rules allow. Pure: the server feeds it rows. */
export function computeResults(input: ResultsInput): PublishedResults {
  const { survey, responses, previous } = input
  const min = survey.minimumGroup
  const groupsOf = (r: StoredResponse) => [
    'organisation',
    ...(r.areaId ? [r.areaId] : []),
    ...(r.teamId ? [r.teamId] : []),
  ]
  const byGroup = (list: StoredResponse[]) => {
    const map = new Map<string, StoredResponse[]>()
    for (const response of list) {
      for (const group of groupsOf(response)) {
        const members = map.get(group)
        if (members) members.push(response)
        else map.set(group, [response])
      }
    }
    return map
  }
  const current = byGroup(responses)
  const before = previous ? byGroup(previous.responses) : new Map<string, StoredResponse[]>()

  const refs: GroupRef[] = [
    { kind: 'organisation', id: 'organisation', name: input.organisation.name } as GroupRef,
    ...input.areas.map((a): GroupRef => ({ kind: 'area', id: a.id, name: a.name })),
    ...input.teams.map((t): GroupRef => ({ kind: 'team', id: t.id, name: t.name })),
  ].filter((ref) => (input.audience.get(ref.id) ?? 0) > 0)

  const counts = new Map(refs.map((ref) => [ref.id, current.get(ref.id)?.length ?? 0]))
  const withheld = groupsToWithhold(
    counts,
    [
      // The areas, plus the teams of no reported area (company-wide teams), make up the organisation.
      {
        parent: 'organisation',
        children: [
          ...input.areas.map((a) => a.id),
          ...input.teams.filter((t) => !input.areas.some((a) => a.id === t.areaId)).map((t) => t.id),
        ].filter((id) => counts.has(id)),
      },
      { parent: 'organisation', children: input.teams.map((t) => t.id).filter((id) => counts.has(id)) },
      ...input.areas.map((a) => ({
        parent: a.id,
        children: input.teams.filter((t) => t.areaId === a.id && counts.has(t.id)).map((t) => t.id),
      })),
    ],
    min,
  )

  const previousPercent = (groupId: string, questions: Question[]) => {
    const earlier = before.get(groupId) ?? []
    return previous && earlier.length >= previous.survey.minimumGroup ? favourableShare(questions, earlier) : null
  }

  const groups = refs.map((group): GroupResult => {
    if (withheld.has(group.id)) {
      const n = counts.get(group.id) ?? 0
      return {
        group,
        withheld: true,
        reason:
          n < min
            ? `Fewer than ${min} people answered, so results are withheld to keep answers anonymous.`
            : `Withheld so that a smaller group's answers cannot be worked out from the other results.`,
      }
    }
    const list = current.get(group.id) ?? []
    const audience = input.audience.get(group.id) ?? 0
    const questions = survey.questions.map((question): QuestionResult => {
      const answers = list.map((r) => r.answers[question.id]).filter((a) => a !== undefined && a !== '')
      const earlierQuestion = previous?.survey.questions.find((q) => q.key === question.key)
      const share = favourableShare([question], list)
      const earlier = earlierQuestion ? previousPercent(group.id, [earlierQuestion]) : null
      return {
        questionId: question.id,
        key: question.key,
        text: question.text,
        kind: question.kind,
        valueId: question.valueId,
        answered: answers.length,
        favourablePercent: share,
        distribution:
          question.kind === 'free-text'
            ? []
            : choicesOf[question.kind].map((_, index) => answers.filter((a) => a === index).length),
        previousPercent: earlier,
        change: difference(share, earlier),
        // Sorted, so the order of comments says nothing about the order people answered in.
        ...(question.kind === 'free-text'
          ? { comments: answers.filter((a): a is string => typeof a === 'string').sort() }
          : {}),
      }
    })
    const valueIds = [
      ...new Set(survey.questions.flatMap((q) => (q.valueId && q.kind !== 'free-text' ? [q.valueId] : []))),
    ]
    const values = valueIds.map((valueId) => {
      const share = favourableShare(
        survey.questions.filter((q) => q.valueId === valueId),
        list,
      )
      const earlier = previous
        ? previousPercent(
            group.id,
            previous.survey.questions.filter((q) => q.valueId === valueId),
          )
        : null
      return { valueId, favourablePercent: share, previousPercent: earlier, change: difference(share, earlier) }
    })
    const measures = measureResults(survey, input.measures, list)
    return {
      group,
      withheld: false,
      audience,
      responses: list.length,
      responseRatePercent: percent(list.length, audience) ?? 0,
      questions,
      values,
      measures,
    }
  })
  return { surveyId: survey.id, published: true, minimumGroup: min, groups }
}
