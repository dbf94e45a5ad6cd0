import type {
  Action,
  Area,
  Measure,
  Milestone,
  Organisation,
  Person,
  Plan,
  Risk,
  Team,
  Theme,
  Value,
} from '../../src/shared/entities'

/**
 * A small plan as a device holds it, for client tests that need records without a
 * server: two boroughs and the whole organisation, two priorities, six projects.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
let version = 0
const v = () => ++version

export const ids = {
  org: id(1),
  plan: id(2),
  company: id(10),
  kingston: id(11),
  richmond: id(12),
  teamK: id(20),
  teamR: id(21),
  person: id(30),
  families: id(40),
  futures: id(41),
}

export const organisation: Organisation = {
  id: ids.org,
  version: v(),
  name: 'Test Children Trust',
  shortName: 'TCT',
  vision: 'Children live safe, happy lives.',
  howWeWork: [{ title: 'We put children first', description: 'Always.' }],
}
export const plan: Plan = {
  id: ids.plan,
  version: v(),
  title: 'Achieving more',
  subtitle: 'Business Plan 2020/24',
  kind: 'business-plan',
  periodStart: '2020-04-01',
  periodEnd: '2024-03-31',
  periodText: '2020/24',
  versionLabel: '2020/24',
  status: 'approved',
  vision: null,
  documentControl: { versions: [], notes: [], boards: [] },
  succeedsPlanId: null,
  servesPlanIds: [],
  servesOutcomeIds: [],
  source: 'test',
  sourceNote: null,
}
export const values: Value[] = ['Trust', 'Respect', 'Empower'].map((name, position) => ({
  id: id(50 + position),
  version: v(),
  name,
  meaning: `${name} means something.`,
  behaviours: [],
  position,
}))
export const areas: Area[] = [
  { id: ids.company, version: v(), name: 'Whole organisation', kind: 'organisation', position: 0 },
  { id: ids.kingston, version: v(), name: 'Kingston', kind: 'borough', position: 1 },
  { id: ids.richmond, version: v(), name: 'Richmond', kind: 'borough', position: 2 },
]
export const teams: Team[] = [
  { id: ids.teamK, version: v(), areaId: ids.kingston, name: 'Kingston Disabilities Team', service: 'Social care' },
  { id: ids.teamR, version: v(), areaId: ids.richmond, name: 'Richmond SEND Team', service: 'SEND' },
]
export const person: Person = {
  id: ids.person,
  version: v(),
  name: 'Alex Test',
  jobTitle: 'Social Worker',
  role: 'practitioner',
  teamIds: [ids.teamK],
  managesTeamIds: [],
}
const themeLinks = {
  code: null,
  owners: [],
  focus: [],
  whatStaffSaid: [],
  outcomeIds: [],
  recommendationIds: [],
  source: null,
  sourceNote: null,
  archivedAt: null,
}
export const themes: Theme[] = [
  {
    id: ids.families,
    version: v(),
    planId: ids.plan,
    title: 'Stronger families',
    outcome: 'Families are stronger.',
    rationale: 'Because.',
    ...themeLinks,
    position: 0,
  },
  {
    id: ids.futures,
    version: v(),
    planId: ids.plan,
    title: 'Positive futures',
    outcome: 'Futures are positive.',
    rationale: 'Because.',
    ...themeLinks,
    position: 1,
  },
]

function action(
  n: number,
  code: string,
  themeId: string,
  areaId: string,
  description: string,
  leadTeamId: string | null = null,
): Action {
  return {
    id: id(100 + n),
    version: v(),
    planId: ids.plan,
    themeId,
    code,
    title: null,
    areaIds: [areaId],
    leadTeamId,
    description,
    leads: [{ role: 'Associate Director' }],
    leadPersonId: null,
    successMeasure: `${code} success`,
    successMeasureBy: '2024-03-31',
    yearMilestone: `${code} milestone`,
    yearMilestoneBy: '2021-03-31',
    baseline: null,
    baselineAsAt: null,
    impact: null,
    risks: null,
    monitoring: null,
    activities: [],
    externalRefs: [],
    recommendationIds: [],
    outcomeIds: [],
    deadlineText: null,
    dueDate: null,
    status: 'not-started',
    statusSetAt: null,
    statusSetBy: null,
    statusMutationId: null,
    source: null,
    sourceNote: null,
    archivedAt: null,
    position: n,
  }
}

export const actions: Action[] = [
  action(1, 'C1', ids.futures, ids.company, 'Develop residential provision across the company'),
  action(2, 'K1', ids.families, ids.kingston, 'Embed a practice framework in Kingston'),
  action(3, 'K2', ids.futures, ids.kingston, 'Improve transition planning for young people with SEND', ids.teamK),
  action(4, 'R1', ids.families, ids.richmond, 'Embed a practice framework in Richmond'),
  action(5, 'R2', ids.futures, ids.richmond, 'Review therapies in Richmond', ids.teamR),
  action(6, 'C2', ids.families, ids.company, 'Strengthen the fostering agency'),
]
export const milestones: Milestone[] = [
  {
    id: id(200),
    version: v(),
    actionId: id(103),
    title: 'A revised transitions protocol has been agreed',
    leads: [],
    deadlineText: 'January 2021',
    dueDate: '2021-01-31',
    monitoring: null,
    ownerPersonId: null,
    status: 'on-track',
    statusSetAt: null,
    statusSetBy: null,
    statusMutationId: null,
    source: null,
    sourceNote: null,
    archivedAt: null,
    position: 0,
  },
]

/** A measure of the small plan with nothing recorded and no target: a test gives what it judges. */
export const measureOf = (id: string, fields: Partial<Measure> = {}): Measure => ({
  id,
  version: 1,
  planId: ids.plan,
  title: 'Measure',
  unit: 'percent',
  comparison: null,
  direction: 'higher-is-better',
  baseline: null,
  targets: [],
  actuals: [],
  benchmarks: [],
  ownerPersonId: null,
  tolerancePercent: 10,
  source: null,
  sourceNote: null,
  archivedAt: null,
  themeIds: [],
  actionIds: [],
  ...fields,
})

/** A risk of the small plan, not rated, linked to nothing: a test gives what it judges. */
export const riskOf = (id: string, fields: Partial<Risk> = {}): Risk => ({
  id,
  version: 1,
  planId: ids.plan,
  title: null,
  description: 'A risk',
  mitigations: [],
  owner: null,
  ownerPersonId: null,
  likelihood: null,
  impact: null,
  residualLikelihood: null,
  residualImpact: null,
  reviewDate: null,
  assessments: [],
  themeIds: [],
  actionIds: [],
  source: null,
  sourceNote: null,
  archivedAt: null,
  position: 0,
  ...fields,
})
