import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database'
import { insertRecords } from '../db/tables'
import { reserveVersions } from '../db/versions'
import { personSchema } from '../../shared/entities'
import { rowToRecord } from '../db/tables'
import type { Question, SurveyDraft } from '../../shared/surveys'
import type { Viewer } from '../auth/viewer'
import { applyPush } from '../mutations/apply'
import { closeDueSurveys } from '../surveys/closing'
import { recordParticipation } from '../surveys/participation'
import { addResponses } from '../surveys/responses'
import { seededRandom } from './seeded-random'

/**
 * Staff voice for the demo: colleagues in every demo team (made up, without accounts),
 * an earlier values survey that has closed with their answers, and the current round,
 * open now, which they have partly answered and the demo accounts can answer. One team
 * is kept small so that its results are withheld. Answers are drawn from a seeded
 * generator, so every demo looks the same. The earlier round is closed at once, as the
 * server's sweep would: its results are published and its measures get their actuals.
 */
const colleaguesPerTeam: Record<string, number> = {
  'Kingston Children with Disabilities Team': 22,
  'Kingston Assessment and Intervention Team': 28,
  'Kingston Early Help Hub': 18,
  'Richmond SEND Casework Team': 17,
  'Richmond Children in Care Team': 24,
  'Windsor and Maidenhead Family Support Team': 20,
  'Windsor and Maidenhead Education and Schools Team': 4,
  'Workforce and Organisational Development': 14,
  'Fostering and Residential Services': 22,
  'Business Planning and Performance': 12,
}

function questions(values: { id: string; name: string }[]): Question[] {
  return [
    ...values.map((value) => ({
      id: randomUUID(),
      kind: 'agreement' as const,
      key: `value-${value.name.toLowerCase()}`,
      valueId: value.id,
      text: `I consistently experience our value of ${value.name.toLowerCase()} from the people I work with and my senior leaders.`,
    })),
    {
      id: randomUUID(),
      kind: 'agreement',
      key: 'good-place',
      valueId: null,
      text: 'Achieving for Children is a good place to work.',
    },
    {
      id: randomUUID(),
      kind: 'yes-no',
      key: 'know-priorities',
      valueId: null,
      text: "Do you know your team's priorities for this year?",
    },
    {
      id: randomUUID(),
      kind: 'scale',
      key: 'recommend',
      valueId: null,
      text: 'How likely are you to recommend working here to a friend? (0 = not at all, 10 = extremely)',
    },
    {
      id: randomUUID(),
      kind: 'free-text',
      key: 'one-thing',
      valueId: null,
      text: 'What one thing would help you do your job better?',
    },
  ]
}

const comments = [
  'Tablets that work in family homes, so I can write up visits on the day.',
  'Fewer duplicate forms between the case system and the performance returns.',
  'Protected time for supervision every month.',
  'Clearer sight of what the senior team has decided and why.',
  'More joint training with health colleagues.',
]

export async function seedDemoSurveys(db: Database, orgId: string, now = new Date()): Promise<void> {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
  const teams = await db.query<{ id: string; name: string; area_id: string }>(
    'select id, name, area_id from teams where org_id = $1',
    [orgId],
  )
  const values = await db.query<{ id: string; name: string }>(
    'select id, name from org_values where org_id = $1 order by position',
    [orgId],
  )
  const measures = await db.query<{ id: string; title: string }>('select id, title from measures where org_id = $1', [
    orgId,
  ])
  const adminRow = await db.query<{ data: Record<string, unknown> }>(
    "select to_jsonb(p) as data from people p join accounts a on a.person_id = p.id where a.email = 'admin@demo.local'",
  )
  const admin: Viewer = { person: personSchema.parse(rowToRecord(adminRow[0]!.data)), orgId, email: 'admin@demo.local' }

  // Colleagues without accounts, so the surveys have teams of realistic size.
  const colleagues = teams.flatMap((team) =>
    Array.from({ length: colleaguesPerTeam[team.name] ?? 0 }, (_, n) => ({
      id: randomUUID(),
      team,
      name: `Colleague ${n + 1}, ${team.name} (demo)`,
    })),
  )
  await db.transaction(async (tx) => {
    let version = await reserveVersions(tx, orgId, colleagues.length)
    await insertRecords(
      tx,
      'people',
      colleagues.map((c) => ({
        id: c.id,
        orgId,
        version: version++,
        name: c.name,
        jobTitle: 'Practitioner',
        role: 'practitioner',
        teamIds: [c.team.id],
        managesTeamIds: [],
      })),
    )
  })

  const link = (pattern: RegExp, keys: string[]) =>
    measures.filter((m) => pattern.test(m.title)).map((m) => ({ measureId: m.id, questionKeys: keys }))
  const valueKeys = values.map((v) => `value-${v.name.toLowerCase()}`)
  const rounds: (SurveyDraft & { favourable: number; share: number })[] = []
  const spring: SurveyDraft = {
    id: randomUUID(),
    title: 'Values survey, spring 2026',
    introduction:
      'Tell us how far you experience our values of trust, respect and empowerment. Your answers are anonymous.',
    questions: questions(values),
    audience: { kind: 'organisation' },
    opensOn: day(-215),
    closesOn: day(-190),
    minimumGroup: 10,
    measureLinks: [
      ...link(/trust, respect and empowerment/i, valueKeys),
      ...link(/good place to work/i, ['good-place']),
    ],
    previousSurveyId: null,
  }
  rounds.push({ ...spring, favourable: 0.56, share: 0.8 })
  const autumn: SurveyDraft = {
    ...spring,
    id: randomUUID(),
    title: 'Values survey, autumn 2026',
    questions: questions(values),
    opensOn: day(-10),
    closesOn: day(20),
    previousSurveyId: spring.id,
  }
  rounds.push({ ...autumn, favourable: 0.63, share: 0.65 })

  const results = await applyPush(
    db,
    admin,
    rounds.map(({ favourable: _f, share: _s, ...draft }) => ({
      id: randomUUID(),
      deviceId: 'demo-data',
      madeAt: now.toISOString(),
      kind: 'survey.create',
      data: draft,
    })),
  )
  if (results.some((r) => r.outcome !== 'applied'))
    throw new Error(`Demo surveys were refused: ${JSON.stringify(results)}`)

  const random = seededRandom(2026)
  for (const round of rounds) {
    const answering = colleagues.filter(() => random() < round.share)
    const rows = answering.map((colleague) => {
      // Some teams feel the values more than others; the whole organisation improves between rounds.
      const mood = round.favourable + (colleague.team.name.length % 3) * 0.05 - 0.05
      const answers: Record<string, number | string> = {}
      for (const question of round.questions) {
        if (question.kind === 'agreement')
          answers[question.id] = random() < mood ? 3 + Math.round(random()) : Math.floor(random() * 3)
        else if (question.kind === 'yes-no') answers[question.id] = random() < mood + 0.15 ? 1 : 0
        else if (question.kind === 'scale')
          answers[question.id] = Math.min(10, Math.floor(random() * 5) + (random() < mood ? 6 : 2))
        else if (random() < 0.3) answers[question.id] = comments[Math.floor(random() * comments.length)]!
      }
      return { teamId: colleague.team.id, areaId: colleague.team.area_id, answers }
    })
    await db.transaction(async (tx) => {
      await addResponses(tx, round.id, rows)
      await recordParticipation(
        tx,
        round.id,
        answering.map((c) => c.id),
      )
    })
  }
  await closeDueSurveys(db, day(0))
}
