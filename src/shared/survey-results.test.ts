import { describe, expect, it } from 'vitest'
import { groupsToWithhold } from './survey-suppression'
import {
  computeResults,
  resultsSoFar,
  type GroupResult,
  type PublishedGroup,
  type PublishedResults,
  type ResultsInput,
  type StoredResponse,
} from './survey-results'
import type { Question, Survey } from './surveys'

/**
 * A small survey worked out by hand. Minimum group 5. Two areas, four teams, and six
 * people in no team (counted for the organisation only):
 *
 *   North 11 = N1 8 + N2 3   N2 is under 5: withheld. North − N1 would give N2's
 *                            answers, so N1 is withheld too (secondary suppression).
 *   South 13 = S1 7 + S2 6   nothing withheld.
 *   no team 6                organisation − North − South = 6 ≥ 5: nothing more withheld;
 *                            organisation − S1 − S2 = 17 ≥ 5: nothing more withheld.
 *   organisation 30
 *
 * Questions: q1, q2 agreement on Trust; q3 agreement on Respect; q4 yes/no; q5 0–10
 * scale; q6 free text. Favourable: Agree (3) or Strongly agree (4); Yes (1); 7–10.
 */
const T = 'value-trust'
const R = 'value-respect'
const q = (id: string, kind: Question['kind'], key: string, valueId: string | null): Question => ({
  id,
  kind,
  key,
  valueId,
  text: `Question ${key}`,
})

const survey: Survey = {
  id: 'survey-now',
  version: 1,
  title: 'Values survey, spring 2026',
  introduction: '',
  questions: [
    q('q1', 'agreement', 'trust', T),
    q('q2', 'agreement', 'trust-2', T),
    q('q3', 'agreement', 'respect', R),
    q('q4', 'yes-no', 'priorities', null),
    q('q5', 'scale', 'recommend', null),
    q('q6', 'free-text', 'one-thing', null),
  ],
  audience: { kind: 'organisation' },
  opensOn: '2026-03-01',
  closesOn: '2026-03-31',
  minimumGroup: 5,
  measureLinks: [
    { measureId: 'm-values', questionKeys: ['trust', 'trust-2', 'respect'] },
    { measureId: 'm-priorities', questionKeys: ['priorities'] },
    { measureId: 'm-no-targets', questionKeys: ['recommend'] },
    { measureId: 'm-not-in-the-plan', questionKeys: ['trust'] },
  ],
  previousSurveyId: 'survey-before',
  createdBy: 'admin',
}

type Team = 'N1' | 'N2' | 'S1' | 'S2' | null
const areaOf = { N1: 'north', N2: 'north', S1: 'south', S2: 'south' } as const
const placed = (team: Team) => ({ teamId: team, areaId: team ? areaOf[team] : null })

/** One response: the team, then q1–q5, then the free-text answer (if any). */
function answer(team: Team, [a1, a2, a3, a4, a5]: number[], comment?: string): StoredResponse {
  return {
    ...placed(team),
    answers: { q1: a1!, q2: a2!, q3: a3!, q4: a4!, q5: a5!, ...(comment === undefined ? {} : { q6: comment }) },
  }
}

const comments = {
  s1a: 'More time for supervision.',
  s1b: 'Laptops that work in family homes.',
  s2: 'Clearer priorities from leaders.',
  n1: 'North needs more staff.',
  n2: 'There are only three of us, so this must never be shown for our team alone.',
  none: 'I work across every team.',
}

//                          q1 q2 q3 q4 q5
const responses: StoredResponse[] = [
  answer('S1', [4, 3, 4, 1, 9], comments.s1a),
  answer('S1', [3, 3, 4, 1, 7]),
  answer('S1', [3, 2, 4, 0, 6], comments.s1b),
  answer('S1', [2, 2, 3, 1, 10], ''),
  answer('S1', [1, 4, 2, 1, 3]),
  answer('S1', [4, 0, 1, 1, 8]),
  answer('S1', [3, 3, 0, 0, 5]),
  answer('S2', [2, 3, 3, 0, 10]),
  answer('S2', [2, 1, 3, 0, 2], comments.s2),
  answer('S2', [3, 1, 3, 1, 4]),
  answer('S2', [1, 2, 3, 1, 7]),
  answer('S2', [0, 4, 2, 0, 6]),
  answer('S2', [4, 4, 4, 1, 0]),
  answer('N1', [4, 3, 4, 1, 8], comments.n1),
  answer('N1', [4, 3, 3, 1, 8]),
  answer('N1', [4, 2, 3, 1, 8]),
  answer('N1', [3, 2, 3, 1, 8]),
  answer('N1', [3, 2, 3, 1, 1]),
  answer('N1', [3, 4, 3, 1, 2]),
  answer('N1', [2, 4, 3, 0, 3]),
  answer('N1', [1, 1, 3, 0, 9]),
  answer('N2', [0, 0, 1, 0, 0], comments.n2),
  answer('N2', [0, 1, 1, 0, 1]),
  answer('N2', [1, 0, 2, 0, 2]),
  answer(null, [3, 4, 0, 1, 7], comments.none),
  answer(null, [3, 4, 0, 1, 7]),
  answer(null, [3, 4, 0, 1, 7]),
  answer(null, [3, 4, 0, 1, 7]),
  answer(null, [3, 4, 0, 1, 7]),
  answer(null, [3, 4, 0, 1, 7]),
]

/**
 * The previous round: no 'trust-2' question, so q2 has no comparison. 20 responses:
 * S1 5, S2 4 (under 5: no comparison for S2), N1 6, no team 5.
 */
const before: Survey = {
  ...survey,
  id: 'survey-before',
  title: 'Values survey, autumn 2025',
  questions: [
    q('p1', 'agreement', 'trust', T),
    q('p3', 'agreement', 'respect', R),
    q('p4', 'yes-no', 'priorities', null),
    q('p5', 'scale', 'recommend', null),
  ],
  opensOn: '2025-10-01',
  closesOn: '2025-10-31',
  measureLinks: [],
  previousSurveyId: null,
}
const earlier = (team: Team, [p1, p3, p4, p5]: number[]): StoredResponse => ({
  ...placed(team),
  answers: { p1: p1!, p3: p3!, p4: p4!, p5: p5! },
})
//                               p1 p3 p4 p5
const beforeResponses: StoredResponse[] = [
  earlier('S1', [3, 3, 1, 7]),
  earlier('S1', [3, 3, 1, 7]),
  earlier('S1', [3, 0, 1, 0]),
  earlier('S1', [0, 0, 1, 0]),
  earlier('S1', [0, 0, 0, 0]),
  ...Array.from({ length: 4 }, () => earlier('S2', [3, 0, 1, 8])),
  earlier('N1', [3, 4, 1, 9]),
  earlier('N1', [3, 4, 0, 9]),
  earlier('N1', [3, 4, 0, 9]),
  earlier('N1', [3, 0, 0, 9]),
  earlier('N1', [0, 0, 0, 9]),
  earlier('N1', [0, 0, 0, 9]),
  ...Array.from({ length: 5 }, () => earlier(null, [0, 3, 0, 0])),
]

const input: ResultsInput = {
  survey,
  responses,
  previous: { survey: before, responses: beforeResponses },
  audience: new Map([
    ['organisation', 40],
    ['north', 15],
    ['south', 18],
    ['N1', 10],
    ['N2', 5],
    ['S1', 9],
    ['S2', 9],
  ]),
  organisation: { id: 'org', name: 'Example Children’s Services' },
  areas: [
    { id: 'north', name: 'North' },
    { id: 'south', name: 'South' },
  ],
  teams: [
    { id: 'N1', name: 'North Assessment Team', areaId: 'north' },
    { id: 'N2', name: 'North Schools Team', areaId: 'north' },
    { id: 'S1', name: 'South Early Help Hub', areaId: 'south' },
    { id: 'S2', name: 'South Children in Care Team', areaId: 'south' },
  ],
  measures: [
    {
      id: 'm-values',
      title: '% experiencing our values',
      direction: 'higher-is-better',
      // Unsorted on purpose: the next on or after 31 March 2026 is 55 by that very day.
      targets: [
        { value: 80, by: '2027-03-31' },
        { value: 55, by: '2026-03-31' },
        { value: 40, by: '2026-03-30' },
      ],
    },
    {
      id: 'm-priorities',
      title: '% not knowing their priorities (lower is better, for the test)',
      direction: 'lower-is-better',
      // All before the close: the latest one counts.
      targets: [
        { value: 60, by: '2025-06-30' },
        { value: 50, by: '2024-01-01' },
      ],
    },
    { id: 'm-no-targets', title: '% who would recommend us', direction: 'higher-is-better', targets: [] },
  ],
}

const byId = (results: PublishedResults, id: string): GroupResult => {
  const group = results.groups.find((g) => g.group.id === id)
  if (!group) throw new Error(`no group ${id}`)
  return group
}
const published = (results: PublishedResults, id: string): PublishedGroup => {
  const group = byId(results, id)
  if (group.withheld) throw new Error(`group ${id} was withheld: ${group.reason}`)
  return group
}
const question = (group: PublishedGroup, id: string) => group.questions.find((x) => x.questionId === id)!
const percents = (group: PublishedGroup) =>
  Object.fromEntries(group.questions.map((x) => [x.questionId, x.favourablePercent]))
const changes = (group: PublishedGroup) =>
  Object.fromEntries(group.questions.map((x) => [x.questionId, [x.previousPercent, x.change]]))
const values = (group: PublishedGroup) =>
  Object.fromEntries(group.values.map((v) => [v.valueId, [v.favourablePercent, v.previousPercent, v.change]]))
const measures = (group: PublishedGroup) =>
  Object.fromEntries(
    group.measures.map((m) => [m.measureId, [m.percent, m.target?.value ?? null, m.target?.by ?? null, m.onTrack]]),
  )
const sorted = (list: string[] | undefined) => [...(list ?? [])].sort()

/**
 * Leaves: each team, and the people in no team. A group is the set of leaves it covers.
 * Published results leak a small group when some published group minus a set of
 * disjoint published groups inside it leaves between 1 and minimum − 1 people.
 */
function differencingLeaks(input: ResultsInput, results: PublishedResults): string[] {
  const counts = new Map<string, number>()
  for (const r of input.responses) counts.set(r.teamId ?? '(no team)', (counts.get(r.teamId ?? '(no team)') ?? 0) + 1)
  const leavesOf = (id: string): Set<string> =>
    id === 'organisation'
      ? new Set(counts.keys())
      : input.areas.some((a) => a.id === id)
        ? new Set(input.teams.filter((t) => t.areaId === id).map((t) => t.id))
        : new Set([id])
  const shown = results.groups.filter((g) => !g.withheld).map((g) => ({ id: g.group.id, leaves: leavesOf(g.group.id) }))
  const size = (leaves: Iterable<string>) => [...leaves].reduce((n, leaf) => n + (counts.get(leaf) ?? 0), 0)
  const leaks: string[] = []
  for (const whole of shown) {
    const parts = shown.filter((g) => g !== whole && [...g.leaves].every((leaf) => whole.leaves.has(leaf)))
    for (let mask = 1; mask < 1 << parts.length; mask++) {
      const chosen = parts.filter((_, i) => mask & (1 << i))
      const used = chosen.flatMap((g) => [...g.leaves])
      if (new Set(used).size !== used.length) continue
      const rest = [...whole.leaves].filter((leaf) => !used.includes(leaf))
      const n = size(rest)
      if (n > 0 && n < input.survey.minimumGroup)
        leaks.push(`${whole.id} − ${chosen.map((g) => g.id).join(' − ')} = ${n} (${rest.join(', ')})`)
    }
  }
  return leaks
}

describe('computeResults on a survey worked out by hand', () => {
  const results = computeResults(input)

  it('lists the groups with an audience, organisation first, and withholds the small team and the team that would give it away', () => {
    expect(results.surveyId).toBe('survey-now')
    expect(results.published).toBe(true)
    expect(results.minimumGroup).toBe(5)
    expect(results.groups.map((g) => [g.group.kind, g.group.id, g.group.name, g.withheld])).toEqual([
      ['organisation', 'organisation', 'Example Children’s Services', false],
      ['area', 'north', 'North', false],
      ['area', 'south', 'South', false],
      ['team', 'N1', 'North Assessment Team', true],
      ['team', 'N2', 'North Schools Team', true],
      ['team', 'S1', 'South Early Help Hub', false],
      ['team', 'S2', 'South Children in Care Team', false],
    ])
    expect(byId(results, 'N2')).toEqual({
      group: { kind: 'team', id: 'N2', name: 'North Schools Team' },
      withheld: true,
      reason: 'Fewer than 5 people answered, so results are withheld to keep answers anonymous.',
    })
    expect(byId(results, 'N1')).toEqual({
      group: { kind: 'team', id: 'N1', name: 'North Assessment Team' },
      withheld: true,
      reason: "Withheld so that a smaller group's answers cannot be worked out from the other results.",
    })
    expect(differencingLeaks(input, results)).toEqual([])
  })

  it('counts responses against the audience of each group', () => {
    const rates = results.groups.flatMap((g) =>
      g.withheld ? [] : [[g.group.id, g.audience, g.responses, g.responseRatePercent]],
    )
    expect(rates).toEqual([
      ['organisation', 40, 30, 75],
      ['north', 15, 11, 73.3],
      ['south', 18, 13, 72.2],
      ['S1', 9, 7, 77.8],
      ['S2', 9, 6, 66.7],
    ])
  })

  it('gives % favourable per question, rounded to 0.1, with free text as null', () => {
    expect(percents(published(results, 'organisation'))).toEqual({
      q1: 63.3,
      q2: 56.7,
      q3: 56.7,
      q4: 66.7,
      q5: 56.7,
      q6: null,
    })
    expect(percents(published(results, 'north'))).toEqual({
      q1: 54.5,
      q2: 36.4,
      q3: 72.7,
      q4: 54.5,
      q5: 45.5,
      q6: null,
    })
    expect(percents(published(results, 'south'))).toEqual({
      q1: 53.8,
      q2: 53.8,
      q3: 69.2,
      q4: 61.5,
      q5: 46.2,
      q6: null,
    })
    expect(percents(published(results, 'S1'))).toEqual({ q1: 71.4, q2: 57.1, q3: 57.1, q4: 71.4, q5: 57.1, q6: null })
    expect(percents(published(results, 'S2'))).toEqual({ q1: 33.3, q2: 50, q3: 83.3, q4: 50, q5: 33.3, q6: null })
  })

  it('gives the distribution of answers over the choices, in order, and how many answered', () => {
    const org = published(results, 'organisation')
    expect(question(org, 'q1').distribution).toEqual([3, 4, 4, 13, 6])
    expect(question(org, 'q4').distribution).toEqual([10, 20])
    expect(question(org, 'q5').distribution).toEqual([2, 2, 3, 2, 1, 1, 2, 8, 5, 2, 2])
    expect(question(published(results, 'south'), 'q3').distribution).toEqual([1, 1, 2, 5, 4])
    expect(question(published(results, 'S2'), 'q2').distribution).toEqual([0, 2, 1, 1, 2])
    expect(question(org, 'q6').distribution).toEqual([])
    expect(org.questions.map((x) => x.answered)).toEqual([30, 30, 30, 30, 30, 6])
    expect(question(published(results, 'S1'), 'q6').answered).toBe(2)
    expect(question(org, 'q1')).toMatchObject({ key: 'trust', kind: 'agreement', valueId: T, text: 'Question trust' })
  })

  it('rolls favourable answers up per value, over every answer to that value’s questions', () => {
    expect(values(published(results, 'organisation'))).toEqual({ [T]: [60, 55, 5], [R]: [56.7, 50, 6.7] })
    expect(values(published(results, 'north'))).toEqual({ [T]: [45.5, 66.7, -21.2], [R]: [72.7, 50, 22.7] })
    expect(values(published(results, 'south'))).toEqual({ [T]: [53.8, 77.8, -24], [R]: [69.2, 22.2, 47] })
    expect(values(published(results, 'S1'))).toEqual({ [T]: [64.3, 60, 4.3], [R]: [57.1, 40, 17.1] })
    // S2 had only 4 answers last time: below the minimum, so no comparison.
    expect(values(published(results, 'S2'))).toEqual({ [T]: [41.7, null, null], [R]: [83.3, null, null] })
  })

  it('compares each question with the previous round’s question of the same key, only where that group reached the minimum then', () => {
    expect(changes(published(results, 'organisation'))).toEqual({
      q1: [55, 8.3],
      q2: [null, null],
      q3: [50, 6.7],
      q4: [45, 21.7],
      q5: [60, -3.3],
      q6: [null, null],
    })
    expect(changes(published(results, 'north'))).toEqual({
      q1: [66.7, -12.2],
      q2: [null, null],
      q3: [50, 22.7],
      q4: [16.7, 37.8],
      q5: [100, -54.5],
      q6: [null, null],
    })
    expect(changes(published(results, 'south'))).toEqual({
      q1: [77.8, -24],
      q2: [null, null],
      q3: [22.2, 47],
      q4: [88.9, -27.4],
      q5: [66.7, -20.5],
      q6: [null, null],
    })
    expect(changes(published(results, 'S1'))).toEqual({
      q1: [60, 11.4],
      q2: [null, null],
      q3: [40, 17.1],
      q4: [80, -8.6],
      q5: [40, 17.1],
      q6: [null, null],
    })
    expect(Object.values(changes(published(results, 'S2')))).toEqual(Array(6).fill([null, null]))
  })

  it('has no comparison at all without a previous round', () => {
    const alone = computeResults({ ...input, previous: undefined })
    const org = published(alone, 'organisation')
    expect(org.questions.every((x) => x.previousPercent === null && x.change === null)).toBe(true)
    expect(org.values.every((v) => v.previousPercent === null && v.change === null)).toBe(true)
    expect(percents(org)).toEqual(percents(published(results, 'organisation')))
  })

  it('reports linked measures against the next target on or after the close (else the latest), on or off track either way round', () => {
    // values: (q1+q2+q3 favourable) / answers. priorities: q4. recommend: no targets. The unknown measure is left out.
    expect(measures(published(results, 'organisation'))).toEqual({
      'm-values': [58.9, 55, '2026-03-31', true], // 53/90
      'm-priorities': [66.7, 60, '2025-06-30', false], // lower is better: 66.7 > 60
      'm-no-targets': [56.7, null, null, null],
    })
    expect(measures(published(results, 'north'))).toEqual({
      'm-values': [54.5, 55, '2026-03-31', false], // 18/33
      'm-priorities': [54.5, 60, '2025-06-30', true],
      'm-no-targets': [45.5, null, null, null],
    })
    expect(measures(published(results, 'south'))['m-values']).toEqual([59, 55, '2026-03-31', true]) // 23/39
    expect(measures(published(results, 'S1'))['m-values']).toEqual([61.9, 55, '2026-03-31', true]) // 13/21
    expect(measures(published(results, 'S2'))).toEqual({
      'm-values': [55.6, 55, '2026-03-31', true], // 10/18
      'm-priorities': [50, 60, '2025-06-30', true],
      'm-no-targets': [33.3, null, null, null],
    })
    expect(published(results, 'organisation').measures[0]).toMatchObject({
      title: '% experiencing our values',
      target: { value: 55, by: '2026-03-31' },
    })
  })

  it('takes a target strictly after the close when none falls on it', () => {
    const later = computeResults({ ...input, survey: { ...survey, closesOn: '2026-04-01' } })
    expect(measures(published(later, 'organisation'))['m-values']).toEqual([58.9, 80, '2027-03-31', false])
  })

  it('gives free-text comments only for published groups, each group only its own, without empty answers', () => {
    expect(sorted(question(published(results, 'organisation'), 'q6').comments)).toEqual(sorted(Object.values(comments)))
    expect(sorted(question(published(results, 'north'), 'q6').comments)).toEqual(sorted([comments.n1, comments.n2]))
    expect(sorted(question(published(results, 'south'), 'q6').comments)).toEqual(
      sorted([comments.s1a, comments.s1b, comments.s2]),
    )
    expect(sorted(question(published(results, 'S1'), 'q6').comments)).toEqual(sorted([comments.s1a, comments.s1b]))
    expect(question(published(results, 'S2'), 'q6').comments).toEqual([comments.s2])
    // Closed questions carry no comments key at all.
    expect(
      published(results, 'organisation')
        .questions.filter((x) => 'comments' in x)
        .map((x) => x.questionId),
    ).toEqual(['q6'])
    // A withheld group carries nothing but its name and the reason.
    for (const id of ['N1', 'N2'])
      expect(Object.keys(byId(results, id)).sort()).toEqual(['group', 'reason', 'withheld'])
    expect(JSON.stringify(results.groups.filter((g) => g.withheld))).not.toContain(comments.n2)
  })

  it('leaves out groups with no audience, and withholds a group with an audience but no answers', () => {
    const withEmpty = computeResults({
      ...input,
      teams: [
        ...input.teams,
        { id: 'S3', name: 'South Youth Team', areaId: 'south' },
        { id: 'S4', name: 'South Nobody Team', areaId: 'south' },
      ],
      audience: new Map([...input.audience, ['S3', 4]]),
    })
    expect(withEmpty.groups.map((g) => g.group.id)).toEqual([
      'organisation',
      'north',
      'south',
      'N1',
      'N2',
      'S1',
      'S2',
      'S3',
    ])
    expect(byId(withEmpty, 'S3')).toMatchObject({ withheld: true, reason: expect.stringMatching(/^Fewer than 5/) })
    // An empty team reveals nothing: South − S1 − S2 = 0.
    expect(byId(withEmpty, 'S1').withheld).toBe(false)
  })

  it('withholds every group, the organisation included, when fewer than the minimum answered', () => {
    const one = computeResults({ ...input, responses: [responses[0]!], previous: undefined })
    expect(one.groups.every((g) => g.withheld)).toBe(true)
    expect(JSON.stringify(one)).not.toContain(comments.s1a)
  })
})

describe('groupsToWithhold', () => {
  const counts = (entries: Record<string, number>) => new Map(Object.entries(entries))
  const sortedSet = (set: Set<string>) => [...set].sort()

  it('withholds only groups under the minimum when every remainder is 0 or at least the minimum', () => {
    expect(
      sortedSet(groupsToWithhold(counts({ org: 10, a: 5, b: 5 }), [{ parent: 'org', children: ['a', 'b'] }], 5)),
    ).toEqual([])
    // org − a = 5 = b1 + b2, both small, but 5 together is enough.
    expect(
      sortedSet(
        groupsToWithhold(counts({ org: 15, a: 10, b1: 4, b2: 1 }), [{ parent: 'org', children: ['a', 'b1', 'b2'] }], 5),
      ),
    ).toEqual(['b1', 'b2'])
    expect(sortedSet(groupsToWithhold(counts({ org: 4, a: 4 }), [{ parent: 'org', children: ['a'] }], 5))).toEqual([
      'a',
      'org',
    ])
  })

  it('withholds the smallest shown sibling when the remainder would be small, and repeats until none is', () => {
    // org − c3 − c2 = 2: withhold c2 (6, the smallest shown), then org − c3 = 8.
    expect(
      sortedSet(
        groupsToWithhold(
          counts({ org: 20, c1: 2, c2: 6, c3: 12 }),
          [{ parent: 'org', children: ['c1', 'c2', 'c3'] }],
          5,
        ),
      ),
    ).toEqual(['c1', 'c2'])
    // A lone sibling: p − c2 = 4, so c2 goes too.
    expect(
      sortedSet(groupsToWithhold(counts({ p: 12, c1: 4, c2: 8 }), [{ parent: 'p', children: ['c1', 'c2'] }], 5)),
    ).toEqual(['c1', 'c2'])
    // Ties: exactly one of the two smallest goes.
    const tie = groupsToWithhold(
      counts({ p: 15, c1: 3, c2: 6, c3: 6 }),
      [{ parent: 'p', children: ['c1', 'c2', 'c3'] }],
      5,
    )
    expect(tie.has('c1') && tie.size === 2 && tie.has('c2') !== tie.has('c3')).toBe(true)
  })

  it('follows a suppression from one partition into another', () => {
    const partitions = (areas: Record<string, string[]>) => [
      { parent: 'org', children: Object.keys(areas) },
      { parent: 'org', children: Object.values(areas).flat() },
      ...Object.entries(areas).map(([parent, children]) => ({ parent, children })),
    ]
    // A2 (3) is small. org − A1 − B1 = 3: A1 goes (8 < 12); A − nothing shown: fine.
    expect(
      sortedSet(
        groupsToWithhold(
          counts({ org: 23, A: 11, A1: 8, A2: 3, B: 12, B1: 12 }),
          partitions({ A: ['A1', 'A2'], B: ['B1'] }),
          5,
        ),
      ),
    ).toEqual(['A1', 'A2'])
    // B3 (3) is small. The organisation's teams come first: org − A1 − A2 − B1 − B2 = 3
    // withholds the smallest shown team anywhere, A2 (6). Then B − B1 − B2 = 3 withholds
    // B2 (7). Then org − A1 − B1 = 16 and A − A1 = 6: nothing more.
    expect(
      sortedSet(
        groupsToWithhold(
          counts({ org: 40, A: 20, A1: 14, A2: 6, B: 20, B1: 10, B2: 7, B3: 3 }),
          partitions({ A: ['A1', 'A2'], B: ['B1', 'B2', 'B3'] }),
          5,
        ),
      ),
    ).toEqual(['A2', 'B2', 'B3'])
    // Area A (4) is small: org − B = 4 withholds B, the only shown area. org − B1 − B2 − B3
    // = 4 withholds B3 (9). Then org − B1 − B2 = 13, and B is withheld: nothing more.
    expect(
      sortedSet(
        groupsToWithhold(
          counts({ org: 35, A: 4, A1: 4, B: 31, B1: 12, B2: 10, B3: 9 }),
          partitions({ A: ['A1'], B: ['B1', 'B2', 'B3'] }),
          5,
        ),
      ),
    ).toEqual(['A', 'A1', 'B', 'B3'])
  })

  it('counts people in no child group as part of the remainder', () => {
    // org − a = 3 people in no team: a is withheld, or the 3 would show.
    expect(sortedSet(groupsToWithhold(counts({ org: 13, a: 10 }), [{ parent: 'org', children: ['a'] }], 5))).toEqual([
      'a',
    ])
    expect(sortedSet(groupsToWithhold(counts({ org: 15, a: 10 }), [{ parent: 'org', children: ['a'] }], 5))).toEqual([])
  })

  // BUG (src/shared/survey-results.ts, groupsToWithhold: `if (withheld.has(parent)) continue`):
  // a parent withheld only to protect a sibling is skipped, though its shown children add
  // up to it exactly. Here area Y (8) is withheld to protect area Z (3), but Y's only team
  // T3 (8) stays shown, so organisation − X − T3 = Z's 3 answers.
  it('does not let a withheld parent be rebuilt from its shown children', () => {
    const c = counts({ org: 27, X: 16, Y: 8, Z: 3, T1: 6, T2: 10, T3: 8, Z1: 3 })
    const withheld = groupsToWithhold(
      c,
      [
        { parent: 'org', children: ['X', 'Y', 'Z'] },
        { parent: 'org', children: ['T1', 'T2', 'T3', 'Z1'] },
        { parent: 'X', children: ['T1', 'T2'] },
        { parent: 'Y', children: ['T3'] },
        { parent: 'Z', children: ['Z1'] },
      ],
      5,
    )
    const shown = [...c.keys()].filter((id) => !withheld.has(id))
    expect(shown).not.toEqual(expect.arrayContaining(['org', 'X', 'T3']))
  })
})

describe('computeResults against differencing', () => {
  // BUG (src/shared/survey-results.ts, computeResults, the partitions passed to
  // groupsToWithhold): teams whose area is not reported (the server files company-wide
  // teams with no area) are in no area, so organisation → areas is not a partition of
  // the organisation. Here Kingston (9) = K1 6 + K2 3; K1 is withheld for K2; W (3) is
  // withheld; and organisation 32 − Kingston 9 − Richmond 10 − company team C1 10 = 3:
  // Windsor's three answers, comments included.
  it('does not let organisation − areas − company-wide teams reveal a small area', () => {
    const teamsOf = { K1: 6, K2: 3, R1: 10, W1: 3, C1: 10 }
    const areaOfTeam: Record<string, string> = { K1: 'K', K2: 'K', R1: 'R', W1: 'W', C1: 'company' }
    const rows: StoredResponse[] = Object.entries(teamsOf).flatMap(([team, n]) =>
      Array.from({ length: n }, (_, i) => ({
        teamId: team,
        areaId: areaOfTeam[team] === 'company' ? null : areaOfTeam[team]!,
        answers: {
          q1: team === 'W1' ? 0 : 4,
          q2: 3,
          q3: 3,
          q4: 1,
          q5: 7,
          ...(i === 0 ? { q6: `Comment from ${team}` } : {}),
        },
      })),
    )
    const demoShaped: ResultsInput = {
      survey: { ...survey, measureLinks: [] },
      responses: rows,
      audience: new Map([
        ['organisation', 60],
        ['K', 20],
        ['R', 12],
        ['W', 8],
        ['K1', 10],
        ['K2', 10],
        ['R1', 12],
        ['W1', 8],
        ['C1', 20],
      ]),
      organisation: { id: 'org', name: 'Example' },
      areas: [
        { id: 'K', name: 'Kingston' },
        { id: 'R', name: 'Richmond' },
        { id: 'W', name: 'Windsor' },
      ],
      teams: Object.keys(teamsOf).map((id) => ({ id, name: id, areaId: areaOfTeam[id]! })),
      measures: [],
    }
    const results = computeResults(demoShaped)
    expect(byId(results, 'W').withheld).toBe(true)
    expect(differencingLeaks(demoShaped, results)).toEqual([])
  })

  it('leaves nothing to subtract in the hand-worked survey, with or without the people in no team', () => {
    expect(differencingLeaks(input, computeResults(input))).toEqual([])
    const teamed = { ...input, responses: responses.filter((r) => r.teamId) }
    expect(differencingLeaks(teamed, computeResults(teamed))).toEqual([])
  })
})

describe('resultsSoFar, for a survey still open', () => {
  it('gives the organisation-wide count and rate, the dates, and nothing about any group or answer', () => {
    const soFar = resultsSoFar(survey, responses.length, 40)
    expect(soFar).toEqual({
      surveyId: 'survey-now',
      published: false,
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      responses: 30,
      audience: 40,
      responseRatePercent: 75,
    })
  })

  it('says 0% for an audience of no one rather than dividing by zero', () => {
    expect(resultsSoFar(survey, 0, 0)).toMatchObject({ responses: 0, responseRatePercent: 0 })
  })
})
