import { randomUUID } from 'node:crypto'
import type { Database } from '../../src/server/db/database'
import { insertRecords } from '../../src/server/db/tables'
import { reserveVersions } from '../../src/server/db/versions'
import { hashPassword } from '../../src/server/auth/passwords'
import { seededRandom } from '../../src/server/demo/seeded-random'
import { createOrganisation } from '../../src/server/demo/seed'
import { importPlan } from '../../src/server/plans/import/import-plan'
import type {
  Assignment,
  Attachment,
  Evidence,
  HistoryEntry,
  Milestone,
  Person,
  ProgressUpdate,
  Team,
} from '../../src/shared/entities'
import afcFramework from '../../src/server/demo/plans/000-afc-business-plan-framework-2019-24.json' with { type: 'json' }
import afcBusinessPlan from '../../src/server/demo/plans/001-afc-business-plan-2020-24.json' with { type: 'json' }
import rbwmBusinessPlan from '../../src/server/demo/plans/002-rbwm-childrens-services-business-plan-2017-18.json' with { type: 'json' }
import kirkleesImprovementPlan from '../../src/server/demo/plans/003-kirklees-childrens-improvement-plan-2017.json' with { type: 'json' }
import greenwichBusinessPlan from '../../src/server/demo/plans/004-greenwich-childrens-services-business-plan-2018-20.json' with { type: 'json' }

/** The five real plan documents, in an order the import accepts (001 succeeds 000). */
export const fivePlanDocuments: unknown[] = [
  afcFramework,
  afcBusinessPlan,
  rbwmBusinessPlan,
  kirkleesImprovementPlan,
  greenwichBusinessPlan,
]

/** A record as inserted: the synced record's fields, its organisation, and a version given when written. */
type Row<T> = Omit<T, 'version'> & { orgId: string }

export interface FivePlanOrganisation {
  orgId: string
  email: string
  password: string
  /** The person who signs in: a practitioner in a team of the first area. */
  personId: string
  /** Records by server table, the organisation row included. */
  counts: Record<string, number>
  seedMs: number
}

/**
 * One organisation holding all five real plans, imported through the real import, and
 * years of delivery on them, made up with a seeded generator so every run is the same
 * shape: teams and people in every area, about 35 milestones an action, quarterly
 * updates, evidence with files, assignments and the history all of that leaves. About
 * 20,000 records: the first sync the goal is about.
 */
export async function createFivePlanOrganisation(db: Database, seed = 2024): Promise<FivePlanOrganisation> {
  const start = performance.now()
  const next = seededRandom(seed)
  const int = (below: number) => Math.floor(next() * below)
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!
  const email = 'five-plans.practitioner@bench.local'
  const password = 'golden-thread-bench'
  const passwordHash = await hashPassword(password)
  const moment = (year: number) =>
    `${year}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}T${String(8 + int(9)).padStart(2, '0')}:00:00Z`

  return db.transaction(async (tx) => {
    const orgId = await createOrganisation(tx, 'Five Plans Children’s Trust', 'FPCT')
    for (const document of fivePlanDocuments) await importPlan(tx, { orgId, document, importedBy: null, dryRun: false })
    const areas = await tx.query<{ id: string; name: string }>(
      'select id, name from areas where org_id = $1 order by position, name',
      [orgId],
    )
    // In document order, so the seeded choices below fall on the same actions every run.
    const actions = await tx.query<{ id: string }>(
      'select a.id from actions a join plans p on p.id = a.plan_id where a.org_id = $1 order by p.import_key, a.position',
      [orgId],
    )

    const teams = areas.flatMap((area) =>
      Array.from({ length: 6 }, (_, t): Row<Team> => ({
        id: randomUUID(),
        orgId,
        areaId: area.id,
        name: `${area.name} Team ${t + 1}`,
        service: "Children's Social Care",
      })),
    )
    const people = teams.flatMap((team) =>
      Array.from({ length: 12 }, (_, p): Row<Person> => ({
        id: randomUUID(),
        orgId,
        name: `Person ${p + 1} of ${team.name} (bench)`,
        jobTitle: p === 0 ? 'Team Manager' : 'Social Worker',
        role: p === 0 ? 'manager' : 'practitioner',
        teamIds: [team.id],
        managesTeamIds: p === 0 ? [team.id] : [],
      })),
    )
    const person = people.find((p) => p.teamIds[0] === teams[0]!.id && p.role === 'practitioner')!
    const statuses = ['not-started', 'on-track', 'on-track', 'at-risk', 'complete'] as const
    const milestones = actions.flatMap((action) =>
      Array.from({ length: 35 }, (_, position): Row<Milestone> => ({
        id: randomUUID(),
        orgId,
        actionId: action.id,
        title: `Milestone ${position + 1}: agree, publish and review the local protocol with partners`,
        leads: [{ role: 'Head of Service', person: pick(people).name }],
        deadlineText: `March ${2018 + int(6)}`,
        dueDate: null,
        monitoring: 'Quarterly report to the improvement board',
        ownerPersonId: pick(people).id,
        status: pick(statuses),
        statusSetAt: null,
        statusSetBy: null,
        statusMutationId: null,
        source: null,
        sourceNote: null,
        archivedAt: null,
        position,
      })),
    )
    const updates = actions.flatMap((action) =>
      Array.from({ length: 28 }, (_, quarter): Row<ProgressUpdate> => {
        const madeAt = moment(2018 + Math.floor(quarter / 4))
        return {
          id: randomUUID(),
          orgId,
          actionId: action.id,
          period: `Q${(quarter % 4) + 1} ${2018 + Math.floor(quarter / 4)}`,
          rag: pick(['green', 'amber', 'red'] as const),
          commentary:
            'Work continues with partners; the review found most cases met the standard and the rest have a plan agreed with the team.',
          authorId: pick(people).id,
          madeAt,
          receivedAt: madeAt,
        }
      }),
    )
    const evidence = actions.flatMap((action) =>
      Array.from({ length: 10 }, (): Row<Evidence> => {
        const madeAt = moment(2018 + int(6))
        return {
          id: randomUUID(),
          orgId,
          actionId: action.id,
          milestoneId: null,
          note: 'Minutes of the partnership meeting and the signed-off protocol.',
          authorId: pick(people).id,
          madeAt,
          receivedAt: madeAt,
        }
      }),
    )
    const attachments = evidence
      .filter((_, i) => i % 10 < 7)
      .map((item) => {
        const size = 180_000 + int(400_000)
        return {
          id: randomUUID(),
          orgId,
          evidenceId: item.id,
          name: 'protocol-sign-off.jpg',
          mediaType: 'image/jpeg',
          size,
          receivedBytes: size,
          uploadedBy: item.authorId,
        }
      }) satisfies (Row<Attachment> & { receivedBytes: number; uploadedBy: string })[]
    const manager = people[0]!
    const assignments: Row<Assignment>[] = [
      ...teams.flatMap((team) =>
        Array.from({ length: 3 }, () => ({
          id: randomUUID(),
          orgId,
          actionId: pick(actions).id,
          milestoneId: null,
          personId: null,
          teamId: team.id,
          assignedBy: manager.id,
          assignedAt: moment(2019),
        })),
      ),
      ...Array.from({ length: 900 }, () => ({
        id: randomUUID(),
        orgId,
        actionId: null,
        milestoneId: pick(milestones).id,
        personId: pick(people).id,
        teamId: null,
        assignedBy: manager.id,
        assignedAt: moment(2019),
      })),
    ]
    const entry = (
      actionId: string,
      entityType: string,
      entityId: string,
      change: string,
      details: Record<string, unknown>,
      personId: string,
      madeAt: string,
    ): Row<HistoryEntry> => ({
      id: randomUUID(),
      orgId,
      actionId,
      entityType,
      entityId,
      change,
      details,
      personId,
      deviceId: 'bench-device',
      mutationId: randomUUID(),
      madeAt,
      receivedAt: madeAt,
      outcome: 'applied',
    })
    const history = [
      ...updates.map((u) =>
        entry(
          u.actionId,
          'progressUpdate',
          u.id,
          'progress.post',
          { rag: u.rag, period: u.period, commentary: u.commentary },
          u.authorId,
          u.madeAt,
        ),
      ),
      ...evidence.map((e) =>
        entry(
          e.actionId,
          'evidence',
          e.id,
          'evidence.add',
          { note: e.note, milestoneId: null, attachments: [] },
          e.authorId,
          e.madeAt,
        ),
      ),
      ...milestones
        .filter((_, i) => i % 5 === 0)
        .map((m) =>
          entry(
            m.actionId,
            'milestone',
            m.id,
            'status.set',
            { status: m.status, previous: 'not-started' },
            pick(people).id,
            moment(2020),
          ),
        ),
    ]

    const groups: [string, Record<string, unknown>[]][] = [
      ['teams', teams],
      ['people', people],
      ['milestones', milestones],
      ['progress_updates', updates],
      ['evidence', evidence],
      ['attachments', attachments],
      ['assignments', assignments],
      ['history', history],
    ]
    let version = await reserveVersions(
      tx,
      orgId,
      groups.reduce((sum, [, records]) => sum + records.length, 0),
    )
    for (const [table, records] of groups)
      await insertRecords(
        tx,
        table,
        records.map((record) => ({ ...record, version: version++ })),
      )
    await insertRecords(tx, 'accounts', [{ personId: person.id, email, passwordHash }])

    const counted = await tx.query<{ table: string; n: number }>(
      [
        'organisations',
        'org_values',
        'areas',
        'outcomes',
        'plans',
        'recommendations',
        'themes',
        'actions',
        'measures',
        'risks',
        'sections',
        ...groups.map(([table]) => table),
      ]
        .map(
          (table) =>
            `select '${table}' as table, count(*)::int as n from ${table} where ${table === 'organisations' ? 'id' : 'org_id'} = $1`,
        )
        .join(' union all '),
      [orgId],
    )
    return {
      orgId,
      email,
      password,
      personId: person.id,
      counts: Object.fromEntries(counted.map((row) => [row.table, row.n])),
      seedMs: performance.now() - start,
    }
  })
}
