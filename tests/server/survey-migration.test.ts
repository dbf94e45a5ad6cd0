import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { backends, freshDatabase } from '../support/databases'
import type { Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { insertRecords } from '../../src/server/db/tables'
import { reserveVersions } from '../../src/server/db/versions'
import { importIntoNewOrganisation } from '../support/imported-organisation'
import { answeredAmong } from '../../src/server/surveys/participation'
import { loadResponses } from '../../src/server/surveys/responses'

const bucketsMigration = '0005-survey-answer-buckets'

const smallPlan = {
  format: 'golden-thread/plan@2',
  organisation: { vision: 'A vision', values: [{ name: 'Care', meaning: 'We care.' }] },
  areas: [
    { key: 'all', name: 'Whole council', kind: 'organisation' },
    { key: 'north', name: 'North', kind: 'borough' },
  ],
  plan: {
    key: 'plan',
    title: 'Plan',
    kind: 'improvement-plan',
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
    versionLabel: 'v1',
    status: 'draft',
    source: 'test',
  },
  themes: [{ key: 't', title: 'Theme', outcome: 'o', rationale: 'r' }],
}

/** The survey tables as migration 0003 made them: one response row and one participation row per answer. */
const before0005 = /* sql */ `
drop table survey_answer_buckets;
drop table survey_participants;
drop table closed_surveys;
create table survey_responses (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys(id),
  team_id uuid references teams(id),
  area_id uuid references areas(id),
  answers jsonb not null
);
create table survey_participation (
  survey_id uuid not null references surveys(id),
  person_id uuid not null references people(id),
  primary key (survey_id, person_id)
);
delete from schema_migrations where name = '${bucketsMigration}';
`

describe.each(backends)('migration 0005 on %s', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await freshDatabase(backend)
  })
  afterAll(() => db?.close())

  it('moves every stored answer and who answered into buckets and sorted arrays, and drops the old tables', async () => {
    const { teams, people, surveyId, areaId } = await db.transaction(async (tx) => {
      const plan = await importIntoNewOrganisation(tx, { name: 'Migrating Council', shortName: 'MC' }, smallPlan)
      const areaId = plan.areaIds.get('north')!
      let version = await reserveVersions(tx, plan.orgId, 23)
      const teams = [randomUUID(), randomUUID()]
      await insertRecords(
        tx,
        'teams',
        teams.map((id, n) => ({
          id,
          orgId: plan.orgId,
          version: version++,
          areaId,
          name: `Team ${n}`,
          service: 'Social care',
        })),
      )
      const people = Array.from({ length: 20 }, () => randomUUID())
      await insertRecords(
        tx,
        'people',
        people.map((id, n) => ({
          id,
          orgId: plan.orgId,
          version: version++,
          name: `Person ${n}`,
          jobTitle: 'Social worker',
          role: 'practitioner',
          teamIds: [teams[n % 2]],
          managesTeamIds: [],
        })),
      )
      const surveyId = randomUUID()
      await insertRecords(tx, 'surveys', [
        {
          id: surveyId,
          orgId: plan.orgId,
          version: version++,
          title: 'Old survey',
          introduction: '',
          questions: [{ id: randomUUID(), kind: 'free-text', key: 'words', valueId: null, text: 'Anything else?' }],
          audience: { kind: 'organisation' },
          opensOn: '2026-01-01',
          closesOn: '2099-01-31',
          minimumGroup: 5,
          measureLinks: [],
          previousSurveyId: null,
          createdBy: people[0],
        },
      ])
      return { teams, people, surveyId, areaId }
    })
    await db.exec(before0005)
    // As 0003 wrote them: each answer beside its participation row, in the order people answered.
    const answered = people.slice(0, 15)
    for (const [n, personId] of answered.entries()) {
      await db.transaction(async (tx) => {
        await tx.query('insert into survey_responses (survey_id, team_id, area_id, answers) values ($1, $2, $3, $4)', [
          surveyId,
          teams[n % 2],
          areaId,
          JSON.stringify({ n }),
        ])
        await tx.query('insert into survey_participation (survey_id, person_id) values ($1, $2)', [surveyId, personId])
      })
    }

    expect(await migrate(db)).toEqual([bucketsMigration])

    const tables = (
      await db.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = current_schema() and table_name like 'survey%'",
      )
    ).map((r) => r.table_name)
    expect(tables.sort()).toEqual(['survey_answer_buckets', 'survey_participants', 'surveys'])
    const buckets = await db.query<{ team_id: string; answers: { n: number }[] }>(
      'select team_id, answers from survey_answer_buckets where survey_id = $1 order by team_id',
      [surveyId],
    )
    expect(buckets).toHaveLength(2)
    for (const bucket of buckets) {
      const expected = answered.flatMap((_, n) => (teams[n % 2] === bucket.team_id ? [n] : []))
      expect(bucket.answers.map((a) => a.n).sort((a, b) => a - b)).toEqual(expected)
    }
    expect((await loadResponses(db, surveyId)).every((r) => r.areaId === areaId)).toBe(true)
    const shards = await db.query<{ person_ids: string[] }>(
      'select person_ids from survey_participants where survey_id = $1',
      [surveyId],
    )
    expect(shards.flatMap((s) => s.person_ids).sort()).toEqual([...answered].sort())
    for (const { person_ids } of shards) expect(person_ids).toEqual([...person_ids].sort())
    // Filed where the server looks for them: everyone who answered is known to have, no one else.
    for (const personId of people)
      expect((await answeredAmong(db, personId, [surveyId])).has(surveyId)).toBe(answered.includes(personId))
  })
})
