import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { change, count, demoIds, pullInject, pushInject, type DemoIds } from '../support/push-fixture'
import { applyPush } from '../../src/server/mutations/apply'
import { closeDueSurveys } from '../../src/server/surveys/closing'
import { importIntoNewOrganisation } from '../support/imported-organisation'
import { insertRecords, rowToRecord } from '../../src/server/db/tables'
import { reserveVersions } from '../../src/server/db/versions'
import { hashPassword } from '../../src/server/auth/passwords'
import { demoPassword } from '../../src/server/demo/people'
import type { Viewer } from '../../src/server/auth/viewer'
import { entityTypes, personSchema, type EntityType } from '../../src/shared/entities'
import type { Question, SurveyDraft } from '../../src/shared/surveys'
import type { GroupResult, PublishedResults, ResultsSoFar, SurveyResults } from '../../src/shared/survey-results'
import type { PullResponse } from '../../src/shared/sync/protocol'
import afcFramework from '../../src/server/demo/plans/000-afc-business-plan-framework-2019-24.json' with { type: 'json' }
import afcBusinessPlan from '../../src/server/demo/plans/001-afc-business-plan-2020-24.json' with { type: 'json' }

type Who = 'practitioner' | 'manager' | 'admin' | 'viewer'
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

const teamNames = {
  kingstonDisabilities: 'Kingston Children with Disabilities Team',
  kingstonAssessment: 'Kingston Assessment and Intervention Team',
  richmondSend: 'Richmond SEND Casework Team',
  richmondCare: 'Richmond Children in Care Team',
  windsorEducation: 'Windsor and Maidenhead Education and Schools Team',
  fostering: 'Fostering and Residential Services',
}

/** A short survey: agreement on a value, yes/no, free text. Open from 3 days ago for 10 days, minimum 5. */
function surveyDraft(valueId: string, overrides: Partial<SurveyDraft> = {}): SurveyDraft & { questions: Question[] } {
  return {
    id: randomUUID(),
    title: `Pulse survey ${randomUUID().slice(0, 8)}`,
    introduction: 'Three questions. Your answers are anonymous.',
    questions: [
      {
        id: randomUUID(),
        kind: 'agreement',
        key: 'trust',
        valueId,
        text: 'I experience trust from my senior leaders.',
      },
      {
        id: randomUUID(),
        kind: 'yes-no',
        key: 'priorities',
        valueId: null,
        text: "Do you know your team's priorities?",
      },
      {
        id: randomUUID(),
        kind: 'free-text',
        key: 'one-thing',
        valueId: null,
        text: 'What one thing would help you do your job better?',
      },
    ],
    audience: { kind: 'organisation' },
    opensOn: day(-3),
    closesOn: day(10),
    minimumGroup: 5,
    measureLinks: [],
    previousSurveyId: null,
    ...overrides,
  } as SurveyDraft & { questions: Question[] }
}
const answersTo = (draft: { questions: Question[] }, agreement: number, yes: number, words?: string) => ({
  [draft.questions[0]!.id]: agreement,
  [draft.questions[1]!.id]: yes,
  ...(words === undefined ? {} : { [draft.questions[2]!.id]: words }),
})

describe.each(backends)('surveys on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  let trustValueId: string
  let demoSurveys: { autumn: string; spring: string }
  const cookies: Record<Who, string> = { practitioner: '', manager: '', admin: '', viewer: '' }
  const push = (who: Who, mutations: unknown[]) => pushInject(server.app, cookies[who], { mutations })
  const read = async (who: Who | string, surveyId: string): Promise<SurveyResults> => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/surveys/${surveyId}/results`,
      headers: { cookie: who in cookies ? cookies[who as Who] : who },
    })
    if (response.statusCode !== 200) throw new Error(`results answered ${response.statusCode}: ${response.body}`)
    expect(response.headers['cache-control']).toBe('no-store')
    return response.json()
  }
  /** The results of a closed survey: every group the person may see. */
  const results = async (who: Who | string, surveyId: string): Promise<PublishedResults> => {
    const shown = await read(who, surveyId)
    if (!shown.published) throw new Error(`survey ${surveyId} is still open: ${JSON.stringify(shown)}`)
    return shown
  }
  /** What an open survey shows: the organisation-wide count only. */
  const soFar = async (who: Who | string, surveyId: string): Promise<ResultsSoFar> => {
    const shown = await read(who, surveyId)
    if (shown.published) throw new Error(`survey ${surveyId} has published results`)
    return shown
  }
  const close = async (surveyId: string) => {
    const {
      results: [closed],
    } = await push('admin', [change('survey.close', { surveyId })])
    expect(closed).toMatchObject({ outcome: 'applied' })
  }
  /** Answers as someone with no account (a demo colleague), straight through the apply step. */
  const answerAs = async (personId: string, mutation: ReturnType<typeof change>) => {
    const rows = await server.db.query<{ data: Record<string, unknown>; org_id: string }>(
      'select to_jsonb(p) as data, org_id from people p where id = $1',
      [personId],
    )
    const viewer: Viewer = {
      person: personSchema.parse(rowToRecord(rows[0]!.data)),
      orgId: rows[0]!.org_id,
      email: 'colleague@demo.local',
    }
    return (await applyPush(server.db, viewer, [mutation]))[0]!
  }
  const colleagues = async (teamName: string, n: number) => {
    const rows = await server.db.query<{ id: string }>(
      "select id from people where name like 'Colleague %' and team_ids = jsonb_build_array($1::text) order by name limit $2",
      [ids.team(teamName), n],
    )
    expect(rows).toHaveLength(n)
    return rows.map((r) => r.id)
  }
  const responsesOf = (surveyId: string) =>
    count(
      server.db,
      'select coalesce(sum(jsonb_array_length(answers)), 0) as n from survey_answer_buckets where survey_id = $1',
      [surveyId],
    )
  const hasAnswered = (surveyId: string, personId: string) =>
    count(
      server.db,
      'select count(*) as n from survey_participants where survey_id = $1 and $2::uuid = any(person_ids)',
      [surveyId, personId],
    )
  /** Everything reading results could write: change numbers, measures, surveys, answers, participation, history. */
  const surveyFingerprint = async () =>
    (
      await server.db.query(
        `select (select sum(change_seq)::text from organisations) as seq,
                (select md5(string_agg(m.xmin::text || m.xmax::text || m::text, ',' order by m.id)) from measures m) as measures,
                (select md5(string_agg(s.xmin::text || s.xmax::text || s::text, ',' order by s.id)) from surveys s) as surveys,
                (select md5(coalesce(string_agg(b.xmin::text || b::text, ',' order by b::text), '')) from survey_answer_buckets b) as answers,
                (select md5(coalesce(string_agg(p.xmin::text || p::text, ',' order by p::text), '')) from survey_participants p) as participants,
                (select count(*)::int from closed_surveys) as closed,
                (select count(*)::int from history) as history`,
      )
    )[0]
  const create = async (draft: SurveyDraft) => {
    const {
      results: [result],
    } = await push('admin', [change('survey.create', draft)])
    expect(result, result?.reason).toMatchObject({ outcome: 'applied' })
    return draft
  }

  // The survey most of these tests answer, and the answers' free text, which must never leave a group of 5 or more.
  let open: ReturnType<typeof surveyDraft>
  const practitionerWords = `Practitioner ${randomUUID()}: more time for direct work with families.`
  const submitted: string[] = []

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    for (const who of Object.keys(cookies) as Who[]) cookies[who] = await server.signIn(`${who}@demo.local`)
    trustValueId = (await server.db.query<{ id: string }>("select id from org_values where name = 'Trust'"))[0]!.id
    const surveys = await server.db.query<{ id: string; title: string }>('select id, title from surveys')
    demoSurveys = {
      autumn: surveys.find((s) => s.title === 'Values survey, autumn 2026')!.id,
      spring: surveys.find((s) => s.title === 'Values survey, spring 2026')!.id,
    }
  })
  afterAll(() => server.close())

  describe('creating', () => {
    it('lets a plan admin create a survey through push: stored, in the history and in the next pull', async () => {
      const { checkpoint } = await pullInject(server.app, cookies.practitioner)
      const measure = (
        await server.db.query<{ id: string }>("select id from measures where title = 'Employee satisfaction rate'")
      )[0]!.id
      open = surveyDraft(trustValueId, {
        title: 'Pulse survey for the tests',
        measureLinks: [{ measureId: measure, questionKeys: ['trust', 'priorities'] }],
      })
      const { statusCode, results: outcome } = await push('admin', [change('survey.create', open)])
      expect(statusCode).toBe(200)
      expect(outcome).toEqual([{ id: expect.any(String), outcome: 'applied' }])
      const rows = await server.db.query<{
        title: string
        created_by: string
        minimum_group: number
        opens_on: string
        closes_on: string
        org_id: string
      }>(
        'select title, created_by, minimum_group, opens_on::text, closes_on::text, org_id from surveys where id = $1',
        [open.id],
      )
      expect(rows).toEqual([
        {
          title: open.title,
          created_by: ids.person.admin,
          minimum_group: 5,
          opens_on: open.opensOn,
          closes_on: open.closesOn,
          org_id: ids.orgId,
        },
      ])
      expect(
        await count(
          server.db,
          "select count(*) as n from history where change = 'survey.create' and entity_id = $1 and person_id = $2",
          [open.id, ids.person.admin],
        ),
      ).toBe(1)
      const pulled = await pullInject(server.app, cookies.practitioner, checkpoint)
      const record = pulled.changes.find((c) => c.type === 'survey' && c.op === 'put' && c.data.id === open.id)
      expect(record).toMatchObject({
        data: {
          title: open.title,
          questions: open.questions,
          audience: { kind: 'organisation' },
          minimumGroup: 5,
          createdBy: ids.person.admin,
        },
      })
    })

    it('refuses a survey from anyone but a plan admin, and a viewer cannot push at all', async () => {
      for (const who of ['practitioner', 'manager'] as const) {
        const draft = surveyDraft(trustValueId)
        const {
          results: [result],
        } = await push(who, [change('survey.create', draft)])
        expect(result).toMatchObject({ outcome: 'refused', reason: 'Only plan admins can create surveys.' })
        expect(await count(server.db, 'select count(*) as n from surveys where id = $1', [draft.id])).toBe(0)
      }
      const viewer = await push('viewer', [change('survey.create', surveyDraft(trustValueId))])
      expect(viewer.statusCode).toBe(403)
    })

    it('refuses a minimum group under 5 and a close before the open, saying why', async () => {
      const small = surveyDraft(trustValueId, { minimumGroup: 4 })
      const backwards = surveyDraft(trustValueId, { opensOn: day(5), closesOn: day(4) })
      const twoKeys = surveyDraft(trustValueId)
      twoKeys.questions[1]!.key = 'trust'
      const { results: outcome } = await push('admin', [
        change('survey.create', small),
        change('survey.create', backwards),
        change('survey.create', twoKeys),
      ])
      expect(outcome.map((r) => [r.outcome, r.reason])).toEqual([
        ['refused', 'The minimum reporting group can never be below 5.'],
        ['refused', 'The closing date must be on or after the opening date.'],
        ['refused', 'Each question needs its own key.'],
      ])
      expect(
        await count(server.db, 'select count(*) as n from surveys where id = any($1::uuid[])', [
          [small.id, backwards.id, twoKeys.id],
        ]),
      ).toBe(0)
    })

    // BUG (src/shared/changes/kinds/survey-create.ts): previousSurveyId is not
    // checked, so an id that is no survey breaks the surveys_previous_survey_id foreign key
    // on insert and the whole push fails with a 500, taking the batch's other changes with it.
    it('refuses a survey that follows an earlier round that does not exist, alone, without failing the push', async () => {
      const fine = surveyDraft(trustValueId)
      const orphan = surveyDraft(trustValueId, { previousSurveyId: randomUUID() })
      const { statusCode, results: outcome } = await push('admin', [
        change('survey.create', fine),
        change('survey.create', orphan),
      ])
      expect(statusCode).toBe(200)
      expect(outcome.map((r) => r.outcome)).toEqual(['applied', 'refused'])
    })
  })

  describe('answering', () => {
    it('takes one answer from a practitioner in the audience, filed under their team and area only', async () => {
      const mutation = change(
        'survey.submit',
        { surveyId: open.id, answers: answersTo(open, 4, 1, practitionerWords) },
        { deviceId: 'tablet-42' },
      )
      submitted.push(mutation.id)
      const { results: outcome } = await push('practitioner', [mutation])
      expect(outcome).toEqual([{ id: mutation.id, outcome: 'applied' }])
      const rows = await server.db.query<{ team_id: string; area_id: string; answers: unknown[] }>(
        'select team_id, area_id, answers from survey_answer_buckets where survey_id = $1',
        [open.id],
      )
      const kingston = (
        await server.db.query<{ area_id: string }>('select area_id from teams where id = $1', [
          ids.team(teamNames.kingstonDisabilities),
        ])
      )[0]!.area_id
      expect(rows).toEqual([
        { team_id: ids.team(teamNames.kingstonDisabilities), area_id: kingston, answers: [mutation.data.answers] },
      ])
      expect(await hasAnswered(open.id, ids.person.practitioner)).toBe(1)
      const answered = await server.app.inject({
        method: 'GET',
        url: '/api/surveys/answered',
        headers: { cookie: cookies.practitioner },
      })
      expect(answered.json()).toEqual({ surveyIds: [open.id] })

      // Sent again (the reply was lost): answered from the record, nothing more written.
      const again = await push('practitioner', [mutation])
      expect(again.results).toEqual([{ id: mutation.id, outcome: 'applied', repeated: true }])
      expect(await responsesOf(open.id)).toBe(1)

      // A second answer, from another device: refused.
      const second = change(
        'survey.submit',
        { surveyId: open.id, answers: answersTo(open, 0, 0) },
        { deviceId: 'phone-1' },
      )
      const refused = await push('practitioner', [second])
      expect(refused.results).toEqual([
        {
          id: second.id,
          outcome: 'refused',
          reason: 'You have already answered this survey. Each person answers once.',
        },
      ])
      expect(await responsesOf(open.id)).toBe(1)
      expect(await count(server.db, 'select count(*) as n from applied_mutations where id = $1', [second.id])).toBe(0)
    })

    it('takes only the first of two answers in one push', async () => {
      const first = change('survey.submit', { surveyId: open.id, answers: answersTo(open, 3, 1) })
      const second = change('survey.submit', { surveyId: open.id, answers: answersTo(open, 1, 0) })
      submitted.push(first.id, second.id)
      const { results: outcome } = await push('manager', [first, second])
      expect(outcome.map((r) => [r.outcome, r.reason])).toEqual([
        ['applied', undefined],
        ['refused', 'You have already answered this survey. Each person answers once.'],
      ])
      expect(await responsesOf(open.id)).toBe(2)
    })

    it('refuses answers that do not fit the questions, writing nothing', async () => {
      const [agreement, yesNo, words] = open.questions
      const cases: [Record<string, unknown>, string][] = [
        [{ [yesNo!.id]: 1 }, `Answer “${agreement!.text}”.`],
        [{ [agreement!.id]: '', [yesNo!.id]: 1 }, `Answer “${agreement!.text}”.`],
        [{ [agreement!.id]: 3, [yesNo!.id]: 2 }, `The answer to “${yesNo!.text}” is not one of its choices.`],
        [{ [agreement!.id]: 'Agree', [yesNo!.id]: 1 }, `The answer to “${agreement!.text}” is not one of its choices.`],
        [{ [agreement!.id]: 3, [yesNo!.id]: 1, [words!.id]: 4 }, `“${words!.text}” needs a written answer.`],
        [
          { [agreement!.id]: 3, [yesNo!.id]: 1, [randomUUID()]: 2 },
          'The answers include a question this survey does not ask.',
        ],
      ]
      const mutations = cases.map(([answers]) => change('survey.submit', { surveyId: open.id, answers }))
      const { results: outcome } = await push('admin', mutations)
      expect(outcome.map((r) => [r.outcome, r.reason])).toEqual(cases.map(([, reason]) => ['refused', reason]))
      // Not even valid to the schema: an answer of 11 or 2.5.
      const { results: invalid } = await push('admin', [
        change('survey.submit', { surveyId: open.id, answers: { [agreement!.id]: 11, [yesNo!.id]: 1 } }),
        change('survey.submit', { surveyId: open.id, answers: { [agreement!.id]: 2.5, [yesNo!.id]: 1 } }),
      ])
      expect(invalid.map((r) => r.outcome)).toEqual(['refused', 'refused'])
      expect(await responsesOf(open.id)).toBe(2)
      expect(await hasAnswered(open.id, ids.person.admin)).toBe(0)
    })

    it('refuses answers to a closed survey, one not yet open, one for another team and one of another organisation', async () => {
      const upcoming = await create(surveyDraft(trustValueId, { opensOn: day(2), closesOn: day(9) }))
      const richmondOnly = await create(
        surveyDraft(trustValueId, { audience: { kind: 'teams', teamIds: [ids.team(teamNames.richmondSend)] } }),
      )
      const spring = (
        await server.db.query<{ questions: Question[] }>('select questions from surveys where id = $1', [
          demoSurveys.spring,
        ])
      )[0]!
      const springAnswers = Object.fromEntries(
        spring.questions.filter((x) => x.kind !== 'free-text').map((x) => [x.id, 1]),
      )
      const other = await otherOrganisationSurvey()
      const mutations = [
        change('survey.submit', { surveyId: demoSurveys.spring, answers: springAnswers }),
        change('survey.submit', { surveyId: upcoming.id, answers: answersTo(upcoming, 3, 1) }),
        change('survey.submit', { surveyId: richmondOnly.id, answers: answersTo(richmondOnly, 3, 1) }),
        change('survey.submit', { surveyId: other.id, answers: answersTo(other, 3, 1) }),
      ]
      submitted.push(...mutations.map((m) => m.id))
      const { results: outcome } = await push('practitioner', mutations)
      expect(outcome.map((r) => [r.outcome, r.reason])).toEqual([
        ['refused', 'This survey has closed.'],
        ['refused', 'This survey has not opened yet.'],
        ['refused', 'This survey is not for your team.'],
        ['refused', 'This survey is not in your organisation.'],
      ])
      for (const surveyId of [upcoming.id, richmondOnly.id, other.id]) expect(await responsesOf(surveyId)).toBe(0)
      // Someone in that team can answer it.
      const [richmond] = await colleagues(teamNames.richmondSend, 1)
      expect(
        await answerAs(
          richmond!,
          change('survey.submit', { surveyId: richmondOnly.id, answers: answersTo(richmondOnly, 3, 1) }),
        ),
      ).toMatchObject({ outcome: 'applied' })
      expect(await responsesOf(richmondOnly.id)).toBe(1)
    })
  })

  describe('anonymity', () => {
    it('stores answers with no person, device, change id or time: only survey, team, area and answers', async () => {
      const columnsOf = async (table: string) =>
        (
          await server.db.query<{ column_name: string }>(
            'select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by column_name',
            [table],
          )
        ).map((c) => c.column_name)
      expect(await columnsOf('survey_answer_buckets')).toEqual(['answers', 'area_id', 'survey_id', 'team_id'])
      expect(await columnsOf('survey_participants')).toEqual(['person_ids', 'shard', 'survey_id'])
      // And no stored answer holds the person's or the device's id, or the change id.
      const stored = JSON.stringify(
        await server.db.query('select * from survey_answer_buckets where survey_id = $1', [open.id]),
      )
      for (const secret of [ids.person.practitioner, ids.person.manager, 'tablet-42', ...submitted])
        expect(stored).not.toContain(secret)
    })

    it('keeps no row, order or transaction id of its own per answer, so nothing on disk pairs an answer with who gave it', async () => {
      const survey = await create(
        surveyDraft(trustValueId, { audience: { kind: 'teams', teamIds: [ids.team(teamNames.richmondCare)] } }),
      )
      const people = await colleagues(teamNames.richmondCare, 8)
      const said = people.map((_, n) => `Answer number ${n} ${randomUUID()}`)
      for (const [n, person] of people.entries()) {
        expect(
          await answerAs(
            person,
            change('survey.submit', { surveyId: survey.id, answers: answersTo(survey, n % 5, n % 2, said[n]) }),
          ),
        ).toMatchObject({ outcome: 'applied' })
      }
      // One row holds the team's answers: one transaction id, one place on disk, for all eight.
      const buckets = await server.db.query<{ answers: Record<string, string>[] }>(
        'select answers from survey_answer_buckets where survey_id = $1',
        [survey.id],
      )
      expect(buckets).toHaveLength(1)
      const order = buckets[0]!.answers.map((answers) => answers[survey.questions[2]!.id])
      expect([...order].sort()).toEqual([...said].sort())
      // Each went in at a random place: not the order they came in (1 chance in 20,160 of either order by luck).
      expect(order).not.toEqual(said)
      expect(order).not.toEqual([...said].reverse())
      // Who answered: sorted arrays, which say nothing about who came first or last.
      const shards = await server.db.query<{ person_ids: string[] }>(
        'select person_ids from survey_participants where survey_id = $1',
        [survey.id],
      )
      expect(shards.flatMap((r) => r.person_ids).sort()).toEqual([...people].sort())
      for (const { person_ids } of shards) expect(person_ids).toEqual([...person_ids].sort())
    })

    it('writes no history for an answer', async () => {
      expect(await count(server.db, "select count(*) as n from history where change = 'survey.submit'")).toBe(0)
      expect(
        await count(server.db, 'select count(*) as n from history where mutation_id = any($1::uuid[])', [submitted]),
      ).toBe(0)
      const history = JSON.stringify(await server.db.query('select * from history'))
      expect(history).not.toContain(practitionerWords)
    })

    it('never sends answers in a pull, even to a plan admin', async () => {
      const pages: PullResponse[] = []
      let since = 0
      for (;;) {
        const page = await pullInject(server.app, cookies.admin, since)
        pages.push(page)
        if (!page.hasMore) break
        since = page.checkpoint
      }
      const changes = pages.flatMap((p) => p.changes)
      expect(changes.some((c) => c.type === 'survey' && c.op === 'put' && c.data.id === open.id)).toBe(true)
      expect(new Set(changes.map((c) => c.type)).size).toBeLessThanOrEqual(entityTypes.length)
      expect(changes.every((c) => entityTypes.includes(c.type as EntityType))).toBe(true)
      const body = JSON.stringify(pages)
      expect(body).not.toContain(practitionerWords)
      expect(body).not.toContain('"answers"')
      // None of the demo's comments either.
      expect(body).not.toContain('Protected time for supervision every month.')
    })

    it('withholds everything for a survey with one answer, open or closed, so no endpoint gives one person’s answers', async () => {
      const lone = await create(surveyDraft(trustValueId))
      const words = `Only me ${randomUUID()}`
      const {
        results: [outcome],
      } = await push('practitioner', [
        change('survey.submit', { surveyId: lone.id, answers: answersTo(lone, 2, 0, words) }),
      ])
      expect(outcome).toMatchObject({ outcome: 'applied' })
      for (const who of ['admin', 'viewer', 'practitioner', 'manager'] as const) {
        expect(await soFar(who, lone.id)).toMatchObject({ published: false, responses: 1 })
        expect(JSON.stringify(await read(who, lone.id))).not.toContain(words)
      }
      await close(lone.id)
      for (const who of ['admin', 'viewer', 'practitioner', 'manager'] as const) {
        const shown = await results(who, lone.id)
        expect(shown.groups.length).toBeGreaterThan(0)
        expect(shown.groups.every((g) => g.withheld)).toBe(true)
        expect(shown.groups.find((g) => g.group.kind === 'organisation')).toMatchObject({
          withheld: true,
          reason: expect.stringMatching(/^Fewer than 5 people answered/),
        })
        const body = JSON.stringify(shown)
        expect(body).not.toContain(words)
        expect(body).not.toContain('distribution')
      }
    })

    it('shows an open survey’s count across the organisation to everyone, and no group, figure or comment at all', async () => {
      // Kingston: the practitioner and manager (Children with Disabilities, 2) and five colleagues
      // of Assessment and Intervention; one admin in a company-wide team. 8 in all.
      for (const colleague of await colleagues(teamNames.kingstonAssessment, 5)) {
        expect(
          await answerAs(
            colleague,
            change('survey.submit', { surveyId: open.id, answers: answersTo(open, 3, 1, 'Fewer forms.') }),
          ),
        ).toMatchObject({ outcome: 'applied' })
      }
      const {
        results: [admin],
      } = await push('admin', [change('survey.submit', { surveyId: open.id, answers: answersTo(open, 4, 1) })])
      expect(admin).toMatchObject({ outcome: 'applied' })
      expect(await responsesOf(open.id)).toBe(8)

      const audience = await count(
        server.db,
        "select count(*) as n from people where org_id = $1 and role <> 'viewer'",
        [ids.orgId],
      )
      const expected = {
        surveyId: open.id,
        published: false,
        opensOn: open.opensOn,
        closesOn: open.closesOn,
        responses: 8,
        audience,
        responseRatePercent: Math.round((1000 * 8) / audience) / 10,
      }
      for (const who of ['admin', 'viewer', 'practitioner', 'manager'] as const)
        expect(await read(who, open.id)).toEqual(expected)
    })
  })

  describe('reading results over time (the attack)', () => {
    it('tells a manager who reads before and after a colleague answers nothing about that answer', async () => {
      const team = ids.team(teamNames.kingstonDisabilities)
      const pulse = await create(surveyDraft(trustValueId, { audience: { kind: 'teams', teamIds: [team] } }))
      const [target, ...others] = await colleagues(teamNames.kingstonDisabilities, 8)
      for (const person of others.slice(0, 6)) {
        expect(
          await answerAs(
            person,
            change('survey.submit', { surveyId: pulse.id, answers: answersTo(pulse, 3, 1, 'More supervision.') }),
          ),
        ).toMatchObject({ outcome: 'applied' })
      }
      const before = await read('manager', pulse.id)

      const secret = `Colleague's own words ${randomUUID()}`
      expect(
        await answerAs(
          target!,
          change('survey.submit', { surveyId: pulse.id, answers: answersTo(pulse, 0, 0, secret) }),
        ),
      ).toMatchObject({ outcome: 'applied' })
      const after = await read('manager', pulse.id)

      // Only the count moved: no group, distribution, percentage or comment to compare.
      const withoutCount = (shown: SurveyResults) => ({ ...shown, responses: 0, responseRatePercent: 0 })
      expect([before, after].map((shown) => (shown as ResultsSoFar).responses)).toEqual([6, 7])
      expect(withoutCount(after)).toEqual(withoutCount(before))
      expect(Object.keys(after).sort()).toEqual([
        'audience',
        'closesOn',
        'opensOn',
        'published',
        'responseRatePercent',
        'responses',
        'surveyId',
      ])
      for (const who of ['manager', 'admin', 'viewer', 'practitioner'] as const)
        expect(JSON.stringify(await read(who, pulse.id))).not.toContain(secret)

      // Once closed, the team's results appear, and they never move again.
      await close(pulse.id)
      const published = await results('manager', pulse.id)
      const teamResult = published.groups.find((g) => g.group.id === team)
      expect(teamResult).toMatchObject({ withheld: false, responses: 7 })
      const late = change(
        'survey.submit',
        { surveyId: pulse.id, answers: answersTo(pulse, 4, 1, 'Too late.') },
        { madeAt: new Date(Date.now() - 86_400_000).toISOString() },
      )
      expect(await answerAs(others[6]!, late)).toMatchObject({ outcome: 'refused', reason: 'This survey has closed.' })
      expect(await results('manager', pulse.id)).toEqual(published)
    })

    it('compares a round with an earlier one only once that earlier round has closed too', async () => {
      const first = await create(
        surveyDraft(trustValueId, {
          audience: {
            kind: 'teams',
            teamIds: [ids.team(teamNames.windsorEducation), ids.team(teamNames.richmondSend)],
          },
        }),
      )
      const second = await create(surveyDraft(trustValueId, { audience: first.audience, previousSurveyId: first.id }))
      const people = await colleagues(teamNames.richmondSend, 6)
      for (const person of people) {
        for (const round of [first, second]) {
          expect(
            await answerAs(person, change('survey.submit', { surveyId: round.id, answers: answersTo(round, 3, 1) })),
          ).toMatchObject({ outcome: 'applied' })
        }
      }
      await close(second.id)
      const organisation = () =>
        results('admin', second.id).then(
          (r) => r.groups.find((g) => g.group.kind === 'organisation') as Extract<GroupResult, { withheld: false }>,
        )
      // The earlier round is still open: its figures would move as people answer, so none are shown.
      expect((await organisation()).questions.map((x) => x.previousPercent)).toEqual([null, null, null])
      await close(first.id)
      expect((await organisation()).questions.map((x) => x.previousPercent)).toEqual([100, 100, null])
    })
  })

  describe('once closed', () => {
    it('shows free text only in groups of at least the minimum, never in a smaller team’s group', async () => {
      await close(open.id)
      const shown = await results('admin', open.id)
      const byId = new Map(shown.groups.map((g) => [g.group.id, g]))
      const disabilities = byId.get(ids.team(teamNames.kingstonDisabilities))!
      expect(disabilities).toMatchObject({ withheld: true, reason: expect.stringMatching(/^Fewer than 5/) })
      for (const group of shown.groups) {
        if (group.withheld) expect(Object.keys(group).sort()).toEqual(['group', 'reason', 'withheld'])
        else expect(group.responses).toBeGreaterThanOrEqual(shown.minimumGroup)
        if (JSON.stringify(group).includes(practitionerWords))
          expect(!group.withheld && group.responses >= shown.minimumGroup).toBe(true)
      }
      const organisation = byId.get('organisation')!
      expect(organisation).toMatchObject({ withheld: false, responses: 8 })
      const comments = !organisation.withheld
        ? organisation.questions.find((x) => x.kind === 'free-text')!.comments
        : []
      expect([...(comments ?? [])].sort()).toEqual([...Array(5).fill('Fewer forms.'), practitionerWords].sort())
      // Kingston (7) would leave the organisation's other 1 answer to subtract: withheld too.
      expect(shown.groups.filter((g) => !g.withheld).map((g) => g.group.id)).toEqual(['organisation'])
    })
  })

  describe('who sees which results', () => {
    const groupIds = (r: PublishedResults) => r.groups.map((g) => g.group.id).sort()

    it('shows a practitioner the organisation and their own team only', async () => {
      expect(groupIds(await results('practitioner', demoSurveys.spring))).toEqual(
        ['organisation', ids.team(teamNames.kingstonDisabilities)].sort(),
      )
    })

    it('shows a manager the organisation, their own teams and the teams they manage', async () => {
      expect(groupIds(await results('manager', demoSurveys.spring))).toEqual(
        ['organisation', ids.team(teamNames.kingstonDisabilities)].sort(),
      )
      // Dana Lee manages Richmond SEND; give her an account and a second team to manage.
      const dana = ids.personByName.get('Dana Lee (demo)')!
      await server.db.query('update people set manages_team_ids = $2 where id = $1', [
        dana,
        JSON.stringify([ids.team(teamNames.richmondSend), ids.team(teamNames.richmondCare)]),
      ])
      await server.db.query('insert into accounts (person_id, email, password_hash) values ($1, $2, $3)', [
        dana,
        'dana@demo.local',
        await hashPassword(demoPassword),
      ])
      const cookie = await server.signIn('dana@demo.local')
      const seen = await results(cookie, demoSurveys.spring)
      expect(groupIds(seen)).toEqual(
        ['organisation', ids.team(teamNames.richmondSend), ids.team(teamNames.richmondCare)].sort(),
      )
      expect(seen.groups.every((g) => g.group.kind !== 'area')).toBe(true)
    })

    it('shows a plan admin and a viewer every group, with the 4-person demo team withheld', async () => {
      const areas = await server.db.query<{ id: string }>(
        "select id from areas where org_id = $1 and kind <> 'organisation'",
        [ids.orgId],
      )
      const teams = await server.db.query<{ id: string }>('select id from teams where org_id = $1', [ids.orgId])
      expect(areas).toHaveLength(3)
      expect(teams).toHaveLength(10)
      const admin = await results('admin', demoSurveys.spring)
      expect(await results('viewer', demoSurveys.spring)).toEqual(admin)
      expect(groupIds(admin)).toEqual(['organisation', ...areas.map((a) => a.id), ...teams.map((t) => t.id)].sort())
      expect(admin.minimumGroup).toBe(10)
      const education = admin.groups.find((g) => g.group.id === ids.team(teamNames.windsorEducation))!
      expect(education).toEqual({
        group: { kind: 'team', id: ids.team(teamNames.windsorEducation), name: teamNames.windsorEducation },
        withheld: true,
        reason: 'Fewer than 10 people answered, so results are withheld to keep answers anonymous.',
      })
      const organisation = admin.groups.find((g) => g.group.kind === 'organisation') as Extract<
        GroupResult,
        { withheld: false }
      >
      expect(organisation.withheld).toBe(false)
      expect(organisation.questions.map((x) => x.key)).toEqual([
        'value-trust',
        'value-respect',
        'value-empower',
        'good-place',
        'know-priorities',
        'recommend',
        'one-thing',
      ])
      for (const group of admin.groups) if (!group.withheld) expect(group.responses).toBeGreaterThanOrEqual(10)
    })

    it('shows everyone only the count of the demo’s open round', async () => {
      for (const who of ['admin', 'viewer', 'practitioner', 'manager'] as const) {
        expect(await soFar(who, demoSurveys.autumn)).toMatchObject({
          published: false,
          responses: await responsesOf(demoSurveys.autumn),
        })
      }
    })
  })

  describe('closing', () => {
    it('lets only a plan admin close a survey; then no answer is taken, whatever time the device claims', async () => {
      const survey = await create(surveyDraft(trustValueId))
      const {
        results: [refused],
      } = await push('manager', [change('survey.close', { surveyId: survey.id })])
      expect(refused).toMatchObject({ outcome: 'refused', reason: 'Only plan admins can close surveys.' })
      const other = await otherOrganisationSurvey()
      const {
        results: [elsewhere],
      } = await push('admin', [change('survey.close', { surveyId: other.id })])
      expect(elsewhere).toMatchObject({ outcome: 'refused', reason: 'This survey is not in your organisation.' })
      expect(
        await count(server.db, 'select count(*) as n from surveys where id = $1 and closes_on = $2', [
          other.id,
          other.closesOn,
        ]),
      ).toBe(1)
      expect(
        await count(server.db, 'select count(*) as n from surveys where id = $1 and closes_on = $2', [
          survey.id,
          survey.closesOn,
        ]),
      ).toBe(1)
      expect(
        await count(server.db, 'select count(*) as n from closed_surveys where survey_id = any($1::uuid[])', [
          [survey.id, other.id],
        ]),
      ).toBe(0)

      const [early, late] = await colleagues(teamNames.richmondCare, 2)
      expect(
        await answerAs(early!, change('survey.submit', { surveyId: survey.id, answers: answersTo(survey, 3, 1) })),
      ).toMatchObject({ outcome: 'applied' })
      const closing = change('survey.close', { surveyId: survey.id })
      const {
        results: [closed],
      } = await push('admin', [closing])
      expect(closed).toEqual({ id: closing.id, outcome: 'applied' })
      const rows = await server.db.query<{ closes_on: string }>('select closes_on::text from surveys where id = $1', [
        survey.id,
      ])
      expect(rows[0]!.closes_on).toBe(day(-1))
      expect(
        await count(
          server.db,
          "select count(*) as n from history where change = 'survey.close' and entity_id = $1 and mutation_id = $2",
          [survey.id, closing.id],
        ),
      ).toBe(1)
      expect(await count(server.db, 'select count(*) as n from closed_surveys where survey_id = $1', [survey.id])).toBe(
        1,
      )
      // Who answered was kept only to stop a second answer: closed, it is forgotten.
      expect(
        await count(server.db, 'select count(*) as n from survey_participants where survey_id = $1', [survey.id]),
      ).toBe(0)

      const now = change('survey.submit', { surveyId: survey.id, answers: answersTo(survey, 3, 1) })
      // A device claiming it answered yesterday, while the survey was open, is refused too.
      const backdated = change(
        'survey.submit',
        { surveyId: survey.id, answers: answersTo(survey, 3, 1) },
        { madeAt: new Date(Date.now() - 2 * 86_400_000).toISOString() },
      )
      for (const answer of [now, backdated])
        expect(await answerAs(late!, answer)).toMatchObject({ outcome: 'refused', reason: 'This survey has closed.' })
      expect(await responsesOf(survey.id)).toBe(1)
    })

    it('refuses an answer sent after a close in the same push', async () => {
      const survey = await create(surveyDraft(trustValueId))
      const answer = change(
        'survey.submit',
        { surveyId: survey.id, answers: answersTo(survey, 3, 1) },
        { madeAt: new Date(Date.now() - 86_400_000).toISOString() },
      )
      const { results: outcome } = await push('admin', [change('survey.close', { surveyId: survey.id }), answer])
      expect(outcome.map((r) => [r.outcome, r.reason])).toEqual([
        ['applied', undefined],
        ['refused', 'This survey has closed.'],
      ])
      expect(await responsesOf(survey.id)).toBe(0)
    })

    it('gives each linked measure its actual when the survey closes, and reading results writes nothing', async () => {
      const actualsOf = async (title: string) => {
        const rows = await server.db.query<{ id: string; actuals: { period: string; value: number }[] }>(
          'select id, actuals from measures where org_id = $1',
          [ids.orgId],
        )
        return Object.fromEntries(
          rows.flatMap((m) => m.actuals.filter((a) => a.period === title).map((a) => [m.id, a.value])),
        )
      }
      // The open autumn round has recorded nothing, and reading it records nothing.
      const untouched = await surveyFingerprint()
      for (const who of ['admin', 'viewer', 'practitioner', 'manager'] as const) await read(who, demoSurveys.autumn)
      expect(await surveyFingerprint()).toEqual(untouched)
      expect(await actualsOf('Values survey, autumn 2026')).toEqual({})

      // The spring round closed before the demo started: its actuals are there already.
      const expectedFrom = (shown: PublishedResults) => {
        const organisation = shown.groups.find((g) => g.group.kind === 'organisation') as Extract<
          GroupResult,
          { withheld: false }
        >
        return Object.fromEntries(organisation.measures.map((m) => [m.measureId, m.percent]))
      }
      const spring = expectedFrom(await results('admin', demoSurveys.spring))
      expect(Object.keys(spring).length).toBeGreaterThan(0)
      expect(await actualsOf('Values survey, spring 2026')).toEqual(spring)

      // A survey linked to a measure gets its actual from the close change itself.
      const measure = (
        await server.db.query<{ id: string }>(
          "select id from measures where title = 'Employee satisfaction rate' and org_id = $1",
          [ids.orgId],
        )
      )[0]!.id
      const linked = await create(
        surveyDraft(trustValueId, {
          title: `Linked pulse ${randomUUID().slice(0, 8)}`,
          measureLinks: [{ measureId: measure, questionKeys: ['trust', 'priorities'] }],
        }),
      )
      for (const [n, person] of (await colleagues(teamNames.kingstonAssessment, 6)).entries()) {
        expect(
          await answerAs(
            person,
            change('survey.submit', { surveyId: linked.id, answers: answersTo(linked, 3, n % 2) }),
          ),
        ).toMatchObject({ outcome: 'applied' })
      }
      expect(await actualsOf(linked.title)).toEqual({})
      await close(linked.id)
      const recorded = await actualsOf(linked.title)
      const expected = expectedFrom(await results('admin', linked.id))
      expect(Object.keys(expected)).toEqual([measure])
      expect(recorded).toEqual(expected)

      // However often and by whoever results are read, nothing is written.
      const settled = await surveyFingerprint()
      for (const surveyId of [demoSurveys.spring, linked.id, demoSurveys.autumn]) {
        for (const who of ['admin', 'viewer', 'practitioner', 'manager'] as const) await read(who, surveyId)
      }
      expect(await surveyFingerprint()).toEqual(settled)
      const [row] = await server.db.query<{ actuals: { period: string; source?: string }[] }>(
        'select actuals from measures where id = $1',
        [measure],
      )
      const fromSurvey = row!.actuals.filter((a) => a.period === linked.title)
      // Named as a survey's, so the quarterly report's survey section finds it.
      expect(fromSurvey).toMatchObject([{ source: 'Staff survey' }])
    })

    it('closes a survey whose closing date passes without a close change: once, however many sweeps run at once', async () => {
      const survey = await create(surveyDraft(trustValueId, { closesOn: day(0) }))
      const people = await colleagues(teamNames.fostering, 6)
      for (const person of people.slice(0, 5)) {
        expect(
          await answerAs(
            person,
            change('survey.submit', { surveyId: survey.id, answers: answersTo(survey, 4, 1, 'Swept.') }),
          ),
        ).toMatchObject({ outcome: 'applied' })
      }
      expect(await closeDueSurveys(server.db, day(0))).not.toContain(survey.id)
      expect((await read('admin', survey.id)).published).toBe(false)

      // Tomorrow, as two replicas would: the one that finds it locked leaves it to the other.
      const sweeps = await Promise.all([closeDueSurveys(server.db, day(1)), closeDueSurveys(server.db, day(1))])
      expect(sweeps.flat().filter((id) => id === survey.id)).toEqual([survey.id])
      expect(await closeDueSurveys(server.db, day(1))).not.toContain(survey.id)
      expect(await count(server.db, 'select count(*) as n from closed_surveys where survey_id = $1', [survey.id])).toBe(
        1,
      )
      expect(
        await count(server.db, 'select count(*) as n from survey_participants where survey_id = $1', [survey.id]),
      ).toBe(0)

      const shown = await results('admin', survey.id)
      expect(shown.groups.find((g) => g.group.kind === 'organisation')).toMatchObject({ withheld: false, responses: 5 })
      // Still the closing day by the device's clock, and the server's: closed all the same.
      expect(
        await answerAs(
          people[5]!,
          change('survey.submit', { surveyId: survey.id, answers: answersTo(survey, 0, 0, 'After the sweep.') }),
        ),
      ).toMatchObject({
        outcome: 'refused',
        reason: 'This survey has closed.',
      })
      expect(await results('admin', survey.id)).toEqual(shown)
    })

    it.runIf(backend === 'postgres')(
      'leaves a survey an answer is being applied to for the next sweep, without waiting for it',
      async () => {
        const survey = await create(surveyDraft(trustValueId, { closesOn: day(0) }))
        const swept = await server.db.transaction(async (tx) => {
          await tx.query('select id from surveys where id = $1 for update', [survey.id])
          return closeDueSurveys(server.db, day(1))
        })
        expect(swept).not.toContain(survey.id)
        expect(await closeDueSurveys(server.db, day(1))).toContain(survey.id)
      },
    )

    it('compares the demo’s autumn round with the spring one once autumn has closed', async () => {
      await close(demoSurveys.autumn)
      const autumn = (await results('admin', demoSurveys.autumn)).groups.find(
        (g) => g.group.kind === 'organisation',
      ) as Extract<GroupResult, { withheld: false }>
      expect(
        autumn.questions.filter((x) => x.kind !== 'free-text').every((x) => typeof x.previousPercent === 'number'),
      ).toBe(true)
    })
  })

  describe('the results endpoint', () => {
    it('answers 401 signed out, 400 for a bad id and 404 for a survey that is not the organisation’s', async () => {
      const signedOut = await server.app.inject({ method: 'GET', url: `/api/surveys/${demoSurveys.autumn}/results` })
      expect(signedOut.statusCode).toBe(401)
      expect((await server.app.inject({ method: 'GET', url: '/api/surveys/answered' })).statusCode).toBe(401)
      const bad = await server.app.inject({
        method: 'GET',
        url: '/api/surveys/not-a-uuid/results',
        headers: { cookie: cookies.admin },
      })
      expect(bad.statusCode).toBe(400)
      expect(bad.json()).toMatchObject({
        error: { code: 'invalid_input', message: expect.stringContaining('The survey id must be a UUID.') },
      })
      const other = await otherOrganisationSurvey()
      for (const id of [other.id, randomUUID()]) {
        const missing = await server.app.inject({
          method: 'GET',
          url: `/api/surveys/${id}/results`,
          headers: { cookie: cookies.admin },
        })
        expect(missing.statusCode).toBe(404)
        expect(missing.json()).toMatchObject({ error: { code: 'not_found' } })
      }
    })
  })

  /** A second organisation with an open survey of its own (made once). */
  let otherSurvey: ReturnType<typeof surveyDraft> | undefined
  async function otherOrganisationSurvey() {
    if (otherSurvey) return otherSurvey
    const draft = surveyDraft(randomUUID())
    await server.db.transaction(async (tx) => {
      const plan = await importIntoNewOrganisation(
        tx,
        { name: 'Zz Other Children’s Trust', shortName: 'Other' },
        afcFramework,
        afcBusinessPlan,
      )
      const version = await reserveVersions(tx, plan.orgId, 2)
      const personId = randomUUID()
      await insertRecords(tx, 'people', [
        {
          id: personId,
          orgId: plan.orgId,
          version,
          name: 'Other admin',
          jobTitle: 'Admin',
          role: 'admin',
          teamIds: [],
          managesTeamIds: [],
        },
      ])
      const { id, ...rest } = draft
      await insertRecords(tx, 'surveys', [
        { id, orgId: plan.orgId, version: version + 1, ...rest, createdBy: personId },
      ])
    })
    otherSurvey = draft
    return draft
  }
})
