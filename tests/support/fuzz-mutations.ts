import fc from 'fast-check'
import { allowedAttachmentTypes } from '../../src/shared/attachments'
import { ragStatuses, workStatuses } from '../../src/shared/entities'
import { questionKinds } from '../../src/shared/survey-rules'
import type { MutationKind } from '../../src/shared/sync/mutations'
import { field, freshId, junk, nastyString, oneOf, record } from './fuzz-values'

/** What generated changes refer to: the demo organisation's records, and what earlier pushes added. */
export interface FuzzWorld {
  actions: string[]
  milestones: string[]
  teams: string[]
  areas: string[]
  people: string[]
  measures: string[]
  risks: string[]
  /** Draft plans made for the fuzz, for lifecycle steps to move on (never the demo's, which the rest needs editable). */
  draftPlans: string[]
  /** One sent to each person the fuzz signs in as. */
  reminders: string[]
  /** Complete actions in a plan that asks for sign-off, not signed off when the world was made. */
  awaitingSignOff: string[]
  values: string[]
  /** `open` until a fuzzed change closes it. */
  surveys: { id: string; open: boolean; questions: { id: string; kind: string; key: string }[] }[]
  assignments: string[]
  /** Uploads finished by the person pushing, which evidence may use. */
  uploads: { id: string; name: string; mediaType: string; size: number }[]
  /** Mutation ids sent before, so some changes arrive again. */
  sent: string[]
}

const day = 86_400_000
const isoDay = (offset: number) => new Date(Date.now() + offset * day).toISOString().slice(0, 10)
/** Mostly just now; sometimes any time in the past year, or a little into the future (the server caps it). */
const madeAt = fc
  .oneof(
    { arbitrary: fc.integer({ min: -600_000, max: 0 }), weight: 4 },
    { arbitrary: fc.integer({ min: -365 * day, max: 2 * day }), weight: 1 },
  )
  .map((offset) => new Date(Date.now() + offset).toISOString())
const words = fc.oneof(
  fc.constantFrom('Visits are going to plan.', 'Waiting on adult social care for sign-off.'),
  fc.string({ minLength: 10, maxLength: 120 }),
)

function dataOf(world: FuzzWorld): { [K in MutationKind]: fc.Arbitrary<unknown> } {
  const pick = <K extends keyof FuzzWorld>(list: K) => oneOf(() => world[list] as readonly unknown[])
  const id = (
    list: 'actions' | 'milestones' | 'teams' | 'areas' | 'people' | 'measures' | 'risks' | 'values' | 'assignments',
  ) =>
    field(
      fc.oneof(
        { arbitrary: pick(list), weight: 9 },
        { arbitrary: pick(list).map((v) => String(v).toUpperCase()), weight: 2 },
        { arbitrary: freshId, weight: 1 },
      ),
    )
  // Before any survey exists, a made-up one that the server does not know.
  const unknownSurvey = (id: unknown): FuzzWorld['surveys'][number] =>
    typeof id === 'string' ? { id, open: true, questions: [] } : (id as FuzzWorld['surveys'][number])
  const surveyOf = oneOf(() => world.surveys).map(unknownSurvey)
  const openSurvey = oneOf(() => world.surveys.filter((s) => s.open)).map(unknownSurvey)
  const none = fc.constant(null)
  // Either an action or a milestone, to either a person or a team.
  const assignment = [
    { actionId: id('actions'), milestoneId: none },
    { actionId: none, milestoneId: id('milestones') },
  ].flatMap((work) => [
    record({ id: field(freshId), ...work, personId: id('people'), teamId: none }),
    record({ id: field(freshId), ...work, personId: none, teamId: id('teams') }),
  ])
  const status = field(fc.constantFrom(...workStatuses))
  const attachment = fc.oneof(
    pick('uploads').map((upload) => ({ ...(upload as FuzzWorld['uploads'][number]) })),
    record({
      id: field(freshId),
      name: field(fc.constant('photo.jpg')),
      mediaType: field(fc.constantFrom(...allowedAttachmentTypes)),
      size: field(fc.integer({ min: 1, max: 30_000_000 })),
    }),
  )
  const question = record({
    id: field(freshId),
    kind: field(fc.constantFrom(...questionKinds)),
    text: field(fc.constantFrom('Do you know your team’s priorities?', 'What one thing would help?')),
    valueId: fc.oneof(fc.constant(null), id('values')),
    key: field(fc.constantFrom('priorities', 'one-thing', 'trust', 'good-place')),
  })
  const answer = (kind: string) =>
    field<string | number>(
      kind === 'free-text' ? words : fc.integer({ min: 0, max: kind === 'scale' ? 10 : kind === 'yes-no' ? 1 : 4 }),
    )
  return {
    'progress.post': record({
      id: field(freshId),
      actionId: id('actions'),
      rag: field(fc.constantFrom(...ragStatuses)),
      commentary: field(words),
    }),
    'status.set': fc.oneof(
      record({ entity: field(fc.constant('action')), entityId: id('actions'), status }),
      record({ entity: field(fc.constant('milestone')), entityId: id('milestones'), status }),
    ),
    'evidence.add': record({
      id: field(freshId),
      actionId: id('actions'),
      // A milestone picked at random is seldom the action's, so most evidence is the action's own.
      milestoneId: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: id('milestones'), weight: 1 }),
      note: field(words),
      // An upload is its uploader's and serves one evidence, so most picks of one are refused: half have none.
      attachments: field(fc.oneof(fc.constant([]), fc.array(attachment, { minLength: 1, maxLength: 2 }))),
    }),
    'assignment.add': fc.oneof(...assignment),
    'assignment.remove': record({ id: id('assignments') }),
    'record.create': fc.oneof(
      record({
        type: field(fc.constant('milestone')),
        id: field(freshId),
        fields: record({ actionId: id('actions'), title: field(words), position: field(fc.integer({ max: 50 })) }),
      }),
      record({
        type: field(fc.constantFrom('outcome', 'theme', 'risk')),
        id: field(freshId),
        fields: record({ title: field(words), description: field(words), position: field(fc.integer()) }),
      }),
    ),
    'record.edit': fc.oneof(
      record({
        type: field(fc.constant('action')),
        id: id('actions'),
        fields: record({
          title: field(fc.oneof(words, fc.constant(null))),
          dueDate: field(fc.integer({ min: -400, max: 400 }).map(isoDay)),
          leadTeamId: id('teams'),
          areaIds: field(fc.array(id('areas'), { maxLength: 2 })),
        }),
      }),
      record({
        type: field(fc.constant('milestone')),
        id: id('milestones'),
        fields: record({ title: field(words), ownerPersonId: fc.oneof(fc.constant(null), id('people')) }),
      }),
      record({
        type: field(fc.constant('measure')),
        id: id('measures'),
        fields: record({
          targets: field(
            fc.array(record({ value: field(fc.double()), by: field(fc.constant(isoDay(90))) }), { maxLength: 2 }),
          ),
        }),
      }),
    ),
    'measure.actual': record({
      measureId: id('measures'),
      period: field(fc.constantFrom('2026/27 Q1', '2026/27 Q2', 'Spring 2027')),
      value: field(fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double())),
      note: fc.oneof(fc.constant(undefined), field(words)),
    }),
    'risk.assess': record({
      riskId: id('risks'),
      likelihood: field(fc.integer({ min: 0, max: 6 })),
      impact: field(fc.integer({ min: 1, max: 5 })),
      residualLikelihood: fc.oneof(fc.constant(null), field(fc.integer({ min: 1, max: 5 }))),
      residualImpact: fc.oneof(fc.constant(null), field(fc.integer({ min: 1, max: 5 }))),
    }),
    'reminder.send': record({
      id: field(freshId),
      personId: id('people'),
      message: fc.oneof(fc.constant(null), field(words)),
      actionIds: field(fc.array(id('actions'), { maxLength: 3 })),
      milestoneIds: field(fc.array(id('milestones'), { maxLength: 3 })),
    }),
    // Someone else's reminder, a made-up one, or a nasty id, is refused, never a 5xx.
    'reminder.dismiss': record({ id: field(fc.oneof(pick('reminders'), freshId)) }),
    'signoff.give': fc.oneof(
      record({
        entity: field(fc.constant('action')),
        entityId: field(fc.oneof(pick('awaitingSignOff'), id('actions'))),
      }),
      record({ entity: field(fc.constant('milestone')), entityId: id('milestones') }),
    ),
    'plan.lifecycle': fc.oneof(
      record({
        planId: field(fc.oneof(pick('draftPlans'), freshId)),
        step: field(fc.constant('approve')),
        board: field(fc.constantFrom('Children’s Services Board', '')),
        approvedOn: field(fc.constantFrom('2026-11-30', '2026-02-30')),
      }),
      record({
        planId: field(fc.oneof(pick('draftPlans'), freshId)),
        step: field(fc.constantFrom('supersede', 'archive')),
      }),
    ),
    'record.archive': record({
      type: field(fc.constantFrom('milestone', 'action')),
      id: id('milestones'),
      archived: field(fc.boolean()),
    }),
    'survey.create': record({
      id: field(freshId),
      title: field(fc.constantFrom('Pulse survey', 'Values survey, winter')),
      introduction: field(fc.constantFrom('', 'Two questions. Your answers are anonymous.')),
      // Each question its own key, as the form makes them.
      questions: field(
        fc
          .array(question, { minLength: 1, maxLength: 3 })
          .map((qs) => qs.map((q, i) => (typeof q.key === 'string' ? { ...q, key: `${q.key}-${i}` } : q))),
      ),
      audience: field(
        fc.oneof(
          fc.constant({ kind: 'organisation' }),
          fc.record({ kind: fc.constant('areas'), areaIds: fc.array(id('areas'), { minLength: 1, maxLength: 2 }) }),
          fc.record({ kind: fc.constant('teams'), teamIds: fc.array(id('teams'), { minLength: 1, maxLength: 2 }) }),
        ),
      ),
      opensOn: field(fc.integer({ min: -5, max: 2 }).map(isoDay)),
      closesOn: field(fc.integer({ min: 3, max: 30 }).map(isoDay)),
      minimumGroup: field(fc.integer({ min: 5, max: 20 })),
      measureLinks: field(
        fc.array(record({ measureId: id('measures'), questionKeys: field(fc.constant(['priorities-0'])) }), {
          maxLength: 1,
        }),
      ),
      previousSurveyId: fc.oneof(
        fc.constant(null),
        surveyOf.map((s) => s.id),
      ),
    }),
    'survey.close': record({ surveyId: field(surveyOf.map((s) => s.id)) }),
    'survey.submit': fc
      .oneof({ arbitrary: openSurvey, weight: 5 }, { arbitrary: surveyOf, weight: 1 })
      .chain((survey) =>
        record({
          surveyId: field(fc.constant(survey.id)),
          answers: field(
            fc
              .tuple(...survey.questions.map((q) => answer(q.kind)))
              .map((values) => Object.fromEntries(survey.questions.map((q, i) => [q.id, values[i]]))),
          ),
        }),
      ),
  }
}

/** A change of each kind, as a device sends it, with its fields now and then spoiled. */
export function mutationArbitraries(world: FuzzWorld): { [K in MutationKind]: fc.Arbitrary<Record<string, unknown>> } {
  const data = dataOf(world)
  const mutationId = fc.oneof(
    { arbitrary: freshId, weight: 10 },
    { arbitrary: freshId.map((id) => id.toUpperCase()), weight: 2 },
    { arbitrary: oneOf(() => world.sent), weight: 2 },
  )
  const of = (kind: MutationKind) =>
    record({
      // Rarely spoiled: an id that is not a UUID refuses the whole push, which junk bodies try often enough.
      id: fc.oneof({ arbitrary: mutationId, weight: 60 }, { arbitrary: junk, weight: 1 }),
      deviceId: field(fc.constantFrom('ipad-7', 'phone-2')),
      madeAt: field(madeAt),
      kind: fc.oneof(
        { arbitrary: fc.constant(kind), weight: 30 },
        { arbitrary: fc.oneof(nastyString, junk), weight: 1 },
      ),
      data: data[kind],
    })
  return Object.fromEntries((Object.keys(data) as MutationKind[]).map((kind) => [kind, of(kind)])) as {
    [K in MutationKind]: fc.Arbitrary<Record<string, unknown>>
  }
}
