import { randomUUID } from 'node:crypto'
import type { Database } from '../../src/server/db/database'
import { insertRecords } from '../../src/server/db/tables'
import { reserveVersions } from '../../src/server/db/versions'
import { hashPassword } from '../../src/server/auth/passwords'
import { seededRandom } from '../../src/server/demo/seeded-random'
import type {
  Action,
  Area,
  Assignment,
  Measure,
  Milestone,
  Person,
  Plan,
  Risk,
  Team,
  Theme,
  Value,
} from '../../src/shared/entities'

/** A record as inserted: the synced record's fields, its organisation, and a version given when written. */
type Row<T> = Omit<T, 'version'> & { orgId: string }

/**
 * A large organisation's plan, for the sync and query benchmarks: 500 projects over
 * four boroughs and the whole organisation, 40 milestones each (20,000), teams, people,
 * measures, risks and assignments. Text is built from varied words with a seeded
 * generator, so every run gets the same shape and searches match a realistic share.
 */
export interface SyntheticPlanOptions {
  actions?: number
  milestonesPerAction?: number
  peoplePerTeam?: number
  seed?: number
}

export interface SyntheticPlan {
  orgId: string
  planId: string
  email: string
  password: string
  /** The person who signs in: a practitioner in a Kingston team. */
  personId: string
  teamId: string
  counts: Record<string, number>
  /** Projects the signed-in person's My team page lists (their area, the organisation, led, assigned). */
  projectsForPerson: number
}

/** Seeded, so the synthetic plan is the same on every run. */
function generator(seed: number) {
  const next = seededRandom(seed)
  const int = (below: number) => Math.floor(next() * below)
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!
  const chance = (p: number) => next() < p
  return { next, int, pick, chance }
}

const boroughs = [
  { key: 'K', name: 'Kingston' },
  { key: 'R', name: 'Richmond' },
  { key: 'W', name: 'Windsor and Maidenhead' },
  { key: 'S', name: 'Surrey Heath' },
]

const themeTexts = [
  [
    'Stronger families',
    'Families are resilient and able to help, support and protect their children without statutory intervention.',
  ],
  [
    'Safe from harm',
    'Children and young people are safeguarded from abuse, neglect and exploitation, at home, in school and online.',
  ],
  [
    'Healthy lives',
    'Children and young people enjoy good physical and emotional health and get help early when they need it.',
  ],
  [
    'Achieving in education',
    'Every child attends a good school, makes good progress and leaves education ready for work or further study.',
  ],
  [
    'Preparing for adulthood',
    'Young people, including care leavers and disabled young people, move into adult life with a home, work and support.',
  ],
  [
    'Children in our care',
    'Children we look after live in stable, loving homes close to their communities and are heard in decisions about them.',
  ],
  [
    'Excellent workforce',
    'We recruit, develop and keep skilled, confident staff who share our values and are proud to work here.',
  ],
  [
    'Sustainable services',
    'We spend every pound well, use data and technology to improve practice, and keep services within budget.',
  ],
] as const

const verbs = [
  'Agree',
  'Review',
  'Publish',
  'Launch',
  'Pilot',
  'Evaluate',
  'Complete',
  'Recruit staff for',
  'Train practitioners on',
  'Audit',
  'Embed',
  'Report to the board on',
  'Consult families on',
  'Refresh',
  'Deliver',
  'Commission',
  'Map demand for',
  'Set up',
  'Roll out',
  'Co-produce',
  'Benchmark',
  'Sign off',
  'Monitor',
]
const topics = [
  'the transition protocol for disabled young people',
  'the housing offer for care leavers',
  'the early help assessment',
  'the SEND local offer',
  'the foster carer recruitment campaign',
  'the quality assurance framework',
  'the youth justice plan',
  'the edge of care service',
  'the emotional wellbeing and mental health pathway',
  'the placement sufficiency strategy',
  'the workforce development plan',
  'the case recording system',
  'the family hubs model',
  'the school attendance strategy',
  'the EHCP annual review process',
  'the corporate parenting board work plan',
  'the missing children protocol',
  'the contextual safeguarding approach',
  'the adoption support offer',
  'the short breaks service',
  'the register of disabled children',
  'the social work apprenticeship scheme',
  'the budget recovery plan',
  'the performance dashboard',
  'the participation strategy',
  'the exploitation screening tool',
  'the neglect toolkit',
  'the domestic abuse pathway',
  'the speech and language therapy service',
  'the post-16 travel assistance policy',
  'the supported internships programme',
  'the independent visitor scheme',
  'the transition to adult social care',
  'the inclusion charter for schools',
  'the virtual school pupil premium plan',
  'the front door triage process',
  'the children in need review cycle',
  'the private fostering awareness campaign',
  'the kinship care offer',
  'the elective home education register',
]
const partners = [
  'with health partners',
  'with schools',
  'for care leavers',
  'for young carers',
  'with the police',
  'with parents and carers',
  'across all localities',
  'for children with disabilities',
  'with the youth council',
  'with housing colleagues',
  'with the voluntary sector',
  'for unaccompanied asylum-seeking children',
  'with early years settings',
  'with the designated clinical officer',
  '',
]
const whens = [
  'by the end of the quarter',
  'for the autumn term',
  'ahead of the inspection',
  'before the budget round',
  'in time for the summer holidays',
  'for the annual report',
  '',
  '',
  '',
]
const roles = [
  "Director of Children's Social Care",
  'Associate Director for SEND',
  'Head of Early Help',
  'Principal Social Worker',
  'Head of Service for Children in Care',
  'Associate Director for Workforce',
  'Head of Education Services',
  'Head of Commissioning',
  'Finance Business Partner',
  'Head of Performance and Data',
]
const measureUnits = ['percent', 'count', 'days', 'rate', 'score'] as const
const statuses = [
  'not-started',
  'on-track',
  'on-track',
  'on-track',
  'at-risk',
  'off-track',
  'complete',
  'complete',
] as const
const jobTitles = [
  'Social Worker',
  'Senior Social Worker',
  'Team Manager',
  'Early Help Practitioner',
  'Family Support Worker',
  'SEND Caseworker',
  'Personal Adviser',
  'Educational Psychologist',
  'Business Support Officer',
]
const teamKinds = [
  'Assessment and Intervention',
  'Children in Care',
  'Early Help Hub',
  'SEND Casework',
  'Children with Disabilities',
  'Leaving Care',
  'Family Support',
  'Youth Justice',
  'Education Inclusion',
  'Fostering Support',
  'Multi-Agency Safeguarding Hub',
  'Adolescent Support',
]
const orgTeamKinds = [
  'Workforce and Organisational Development',
  'Fostering and Residential Services',
  'Business Planning and Performance',
  'Finance',
  'Commissioning',
  'Quality Assurance',
  'Digital and Data',
  'Participation and Engagement',
]

const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

export async function createSyntheticPlan(db: Database, options: SyntheticPlanOptions = {}): Promise<SyntheticPlan> {
  const actionCount = options.actions ?? 500
  const milestonesPerAction = options.milestonesPerAction ?? 40
  const peoplePerTeam = options.peoplePerTeam ?? 12
  const random = generator(options.seed ?? 20_24)
  const email = 'bench.practitioner@bench.local'
  const password = 'golden-thread-bench'
  const passwordHash = await hashPassword(password)

  const orgId = randomUUID()
  const planId = randomUUID()
  const sentence = () => {
    const partner = random.pick(partners)
    const when = random.pick(whens)
    return [random.pick(verbs), random.pick(topics), partner, when].filter(Boolean).join(' ')
  }

  const values = ['Trust', 'Respect', 'Empower'].map((name, position): Row<Value> => ({
    id: randomUUID(),
    orgId,
    name,
    meaning: `We show ${name.toLowerCase()} in how we work with children, families and each other.`,
    behaviours: [`We live ${name.toLowerCase()} every day`],
    position,
  }))
  const orgArea: Row<Area> = { id: randomUUID(), orgId, name: 'Whole organisation', kind: 'organisation', position: 0 }
  const boroughAreas = boroughs.map((b, i): Row<Area> => ({
    id: randomUUID(),
    orgId,
    name: b.name,
    kind: 'borough',
    position: i + 1,
  }))
  const areas = [orgArea, ...boroughAreas]
  const plans: Row<Plan>[] = [
    {
      id: planId,
      orgId,
      title: 'Achieving more for Children (synthetic)',
      subtitle: 'Benchmark plan',
      kind: 'business-plan',
      periodStart: '2020-04-01',
      periodEnd: '2024-03-31',
      periodText: '2020/24',
      versionLabel: '2020/24',
      status: 'approved',
      vision: null,
      documentControl: {
        owner: "Synthetic Children's Trust",
        versions: [{ version: '2020/24', date: '2020-03-31', approvedBy: 'Joint Committee' }],
        reviewDate: '2021-03-31',
        notes: [],
        boards: [],
      },
      succeedsPlanId: null,
      servesPlanIds: [],
      servesOutcomeIds: [],
      source: 'Generated by tests/bench/synthetic-plan.ts',
      sourceNote: null,
    },
  ]
  const themes = themeTexts.map(([title, outcome], position): Row<Theme> => ({
    id: randomUUID(),
    orgId,
    planId,
    code: null,
    title,
    outcome,
    rationale: `${outcome} ${sentence()}.`,
    owners: [{ role: random.pick(roles) }],
    focus: [],
    whatStaffSaid: [],
    outcomeIds: [],
    recommendationIds: [],
    source: null,
    sourceNote: null,
    archivedAt: null,
    position,
  }))

  const teams: Row<Team>[] = [
    ...orgTeamKinds.map((kind) => ({
      id: randomUUID(),
      orgId,
      areaId: orgArea.id,
      name: kind,
      service: 'Corporate Services',
    })),
    ...boroughAreas.flatMap((area) =>
      teamKinds.map((kind) => ({
        id: randomUUID(),
        orgId,
        areaId: area.id,
        name: `${area.name} ${kind} Team`,
        service: kind,
      })),
    ),
  ]
  const teamsByArea = new Map<string, typeof teams>()
  for (const team of teams) teamsByArea.set(team.areaId, [...(teamsByArea.get(team.areaId) ?? []), team])
  const benchTeam = teamsByArea.get(boroughAreas[0]!.id)![0]!

  const people = teams.flatMap((team) =>
    Array.from({ length: peoplePerTeam }, (_, i): Row<Person> => ({
      id: randomUUID(),
      orgId,
      name: `Person ${i + 1} of ${team.name} (synthetic)`,
      jobTitle: i === 0 ? 'Team Manager' : random.pick(jobTitles),
      role: i === 0 ? 'manager' : 'practitioner',
      teamIds: [team.id],
      managesTeamIds: i === 0 ? [team.id] : [],
    })),
  )
  const benchPerson = people.find((p) => p.teamIds[0] === benchTeam.id && p.role === 'practitioner')!

  // The projects: a fifth for the whole organisation, the rest shared out over the boroughs;
  // one borough project in ten is run jointly with a second borough.
  const codeCounters = new Map<string, number>()
  const actions = Array.from({ length: actionCount }, (_, position): Row<Action> => {
    const slot = position % 5
    const area = slot === 0 ? orgArea : boroughAreas[slot - 1]!
    const prefix = slot === 0 ? 'C' : boroughs[slot - 1]!.key
    const number = (codeCounters.get(prefix) ?? 0) + 1
    codeCounters.set(prefix, number)
    const areaIds = [area.id]
    if (slot > 0 && random.chance(0.1)) areaIds.push(boroughAreas[slot % 4]!.id)
    const year = 2021 + random.int(4)
    const outcome = random.pick(themeTexts)[1]
    return {
      id: randomUUID(),
      orgId,
      planId,
      themeId: random.pick(themes).id,
      code: `${prefix}${number}`,
      title: null,
      areaIds,
      leadTeamId: random.chance(0.6) ? random.pick(teamsByArea.get(area.id)!).id : null,
      description: `${sentence()}, so that ${outcome.charAt(0).toLowerCase()}${outcome.slice(1, -1)}.`,
      leads: [{ role: random.pick(roles) }],
      leadPersonId: null,
      successMeasure: `${40 + random.int(55)}% of families say ${random.pick(topics)} made a difference; ${sentence()}.`,
      successMeasureBy: isoDate(2024, 3, 31),
      yearMilestone: random.chance(0.8) ? `${sentence()}.` : null,
      yearMilestoneBy: isoDate(year, 3, 31),
      baseline: random.chance(0.5) ? `In 2019/20, ${20 + random.int(60)}% of cases met the standard.` : null,
      baselineAsAt: null,
      impact: random.chance(0.5)
        ? `Fewer children need statutory services because ${random.pick(topics)} is in place.`
        : null,
      risks: random.chance(0.3) ? `Capacity in ${random.pick(teamKinds).toLowerCase()} teams.` : null,
      monitoring: random.chance(0.3) ? 'Quarterly performance report to the senior leadership team.' : null,
      activities: [],
      externalRefs: [],
      recommendationIds: [],
      outcomeIds: [],
      deadlineText: null,
      dueDate: random.chance(0.7) ? isoDate(year, 1 + random.int(12), 1 + random.int(28)) : null,
      status: random.pick(statuses),
      statusSetAt: null,
      statusSetBy: null,
      statusMutationId: null,
      source: null,
      sourceNote: null,
      archivedAt: null,
      position,
    }
  })

  const milestones = actions.flatMap((action) =>
    Array.from({ length: milestonesPerAction }, (_, position): Row<Milestone> => ({
      id: randomUUID(),
      orgId,
      actionId: action.id,
      title: sentence(),
      leads: [],
      deadlineText: null,
      dueDate: random.chance(0.9) ? isoDate(2020 + random.int(5), 1 + random.int(12), 1 + random.int(28)) : null,
      monitoring: null,
      ownerPersonId: random.chance(0.5) ? random.pick(people).id : null,
      status: random.pick(statuses),
      statusSetAt: null,
      statusSetBy: null,
      statusMutationId: null,
      source: null,
      sourceNote: null,
      archivedAt: null,
      position,
    })),
  )

  const measures = Array.from({ length: 40 }, (_, i): Row<Measure> => ({
    id: randomUUID(),
    orgId,
    planId,
    title: `Measure ${i + 1}: ${random.pick(topics)}`,
    unit: random.pick(measureUnits),
    comparison: null,
    direction: random.chance(0.5) ? 'higher-is-better' : 'lower-is-better',
    baseline: { value: random.int(100), date: '2020-03-31' },
    targets: [
      { value: random.int(100), by: '2021-03-31' },
      { value: random.int(100), by: '2024-03-31' },
    ],
    actuals: [],
    ownerPersonId: null,
    tolerancePercent: 10,
    benchmarks: [],
    source: 'Synthetic benchmark data',
    sourceNote: null,
    archivedAt: null,
    themeIds: [random.pick(themes).id],
    actionIds: [random.pick(actions).id],
  }))
  const risks = Array.from({ length: 60 }, (_, position): Row<Risk> => ({
    id: randomUUID(),
    orgId,
    planId,
    title: null,
    description: `Delay to ${random.pick(topics)}`,
    likelihood: 1 + random.int(5),
    impact: 1 + random.int(5),
    residualLikelihood: null,
    residualImpact: null,
    reviewDate: null,
    ownerPersonId: null,
    assessments: [],
    mitigations: [`${sentence()}.`],
    owner: random.pick(roles),
    themeIds: [],
    actionIds: [random.pick(actions).id],
    source: null,
    sourceNote: null,
    archivedAt: null,
    position,
  }))

  // Assignments: teams given projects outside what they lead (the bench team five of them),
  // and people given milestones.
  const manager = people[0]!
  const assignedAt = '2021-06-01T09:00:00Z'
  const teamAssignments = teams.flatMap((team) =>
    Array.from({ length: team.id === benchTeam.id ? 5 : 2 }, (): Row<Assignment> => ({
      id: randomUUID(),
      orgId,
      actionId: random.pick(actions).id,
      milestoneId: null,
      personId: null,
      teamId: team.id,
      assignedBy: manager.id,
      assignedAt,
    })),
  )
  const personAssignments = Array.from({ length: 400 }, (): Row<Assignment> => ({
    id: randomUUID(),
    orgId,
    actionId: null,
    milestoneId: random.pick(milestones).id,
    personId: random.pick(people).id,
    teamId: null,
    assignedBy: manager.id,
    assignedAt,
  }))
  const assignments = [...teamAssignments, ...personAssignments]

  const groups: [string, Record<string, unknown>[]][] = [
    ['org_values', values],
    ['areas', areas],
    ['plans', plans],
    ['themes', themes],
    ['teams', teams],
    ['people', people],
    ['actions', actions],
    ['milestones', milestones],
    ['measures', measures],
    ['risks', risks],
    ['assignments', assignments],
  ]
  await db.transaction(async (tx) => {
    await tx.query(
      'insert into organisations (id, version, name, short_name, vision, how_we_work) values ($1, 0, $2, $3, $4, $5)',
      [orgId, "Synthetic Children's Trust", 'SCT', 'Every child safe, healthy and achieving.', '[]'],
    )
    const total = 1 + groups.reduce((sum, [, records]) => sum + records.length, 0)
    let version = await reserveVersions(tx, orgId, total)
    await tx.query('update organisations set version = $2 where id = $1', [orgId, version++])
    for (const [table, records] of groups) {
      await insertRecords(
        tx,
        table,
        records.map((record) => ({ ...record, version: version++ })),
      )
    }
    await insertRecords(tx, 'accounts', [{ personId: benchPerson.id, email, passwordHash }])
  })

  const wantedAreas = new Set([benchTeam.areaId, orgArea.id])
  const assigned = new Set(teamAssignments.filter((a) => a.teamId === benchTeam.id).map((a) => a.actionId))
  const projectsForPerson = actions.filter(
    (a) => a.leadTeamId === benchTeam.id || assigned.has(a.id) || a.areaIds.some((id) => wantedAreas.has(id)),
  ).length
  return {
    orgId,
    planId,
    email,
    password,
    personId: benchPerson.id,
    teamId: benchTeam.id,
    counts: Object.fromEntries([['organisations', 1], ...groups.map(([table, records]) => [table, records.length])]),
    projectsForPerson,
  }
}
