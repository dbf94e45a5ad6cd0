import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/server/db/database'
import { createOrganisation, demoOrganisations } from '../../src/server/demo/seed'
import { ImportRefused } from '../../src/server/plans/import/document-checks'
import { importPlan } from '../../src/server/plans/import/import-plan'
import type { ImportProblem } from '../../src/shared/plans/import-summary'
import type { Section } from '../../src/shared/entities'
import afcFramework from '../../src/server/demo/plans/000-afc-business-plan-framework-2019-24.json' with { type: 'json' }
import afcBusinessPlan from '../../src/server/demo/plans/001-afc-business-plan-2020-24.json' with { type: 'json' }
import rbwmBusinessPlan from '../../src/server/demo/plans/002-rbwm-childrens-services-business-plan-2017-18.json' with { type: 'json' }
import kirkleesImprovementPlan from '../../src/server/demo/plans/003-kirklees-childrens-improvement-plan-2017.json' with { type: 'json' }
import greenwichBusinessPlan from '../../src/server/demo/plans/004-greenwich-childrens-services-business-plan-2018-20.json' with { type: 'json' }
import expected from '../fixtures/seed-expectations.json' with { type: 'json' }
import { planDocumentSchema } from '../../src/shared/plans/plan-document'
import type { PullResponse } from '../../src/shared/sync/protocol'
import { backends, freshDatabase } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { change, pullInject, pushInject } from '../support/push-fixture'
import { databaseSnapshot, storedPlan, type StoredPlan } from '../support/stored-plan'

/** Each seed by its number in ../shared/seeds, as the fixture names them. */
const seeds = {
  '000': afcFramework,
  '001': afcBusinessPlan,
  '002': rbwmBusinessPlan,
  '003': kirkleesImprovementPlan,
  '004': greenwichBusinessPlan,
} as const
type Seed = keyof typeof seeds
const seedOf = (document: unknown) =>
  (Object.keys(seeds) as Seed[]).find((seed) => seeds[seed].plan.key === (document as typeof afcFramework).plan.key)

/** Every piece of text a section holds, for finding a quoted phrase in it. */
const textOf = (section: Section) =>
  [
    section.title,
    ...section.paragraphs,
    ...section.items.flatMap((item) => [item.title ?? '', item.text, ...item.points]),
    ...(section.table?.rows.flat() ?? []),
  ].join('\n')
const countBy = <T>(items: T[], groups: string[], groupOf: (item: T) => string[]) =>
  groups.map((group) => items.filter((item) => groupOf(item).includes(group)).length)
const roles = (leads: { role: string }[]) => leads.map((lead) => lead.role)

describe.each(backends)('the five real plans imported on %s', (backend) => {
  let db: Database
  const imported = new Map<Seed, { orgId: string; planId: string; organisationName: string }>()
  const stored = (seed: Seed): Promise<StoredPlan> =>
    storedPlan(db, imported.get(seed)!.orgId, imported.get(seed)!.planId)

  beforeAll(async () => {
    db = await freshDatabase(backend)
    for (const demo of demoOrganisations) {
      const orgId = await db.transaction((tx) => createOrganisation(tx, demo.name, demo.shortName))
      for (const document of demo.plans) {
        const summary = await db.transaction((tx) =>
          importPlan(tx, { orgId, document, importedBy: null, dryRun: false }),
        )
        imported.set(seedOf(document)!, { orgId, planId: summary.planId, organisationName: demo.name })
      }
    }
  })
  afterAll(() => db?.close())

  it('puts each plan in the organisation whose document it is', () => {
    expect([...imported.keys()].sort()).toEqual(Object.keys(seeds))
    for (const seed of Object.keys(seeds) as Seed[])
      expect(imported.get(seed)!.organisationName, seed).toBe(expected[seed].organisation)
  })

  it('000: the AfC framework, superseded by 001, four draft columns of ten priorities', async () => {
    const want = expected['000']
    const got = await stored('000')
    expect(got.organisation.name).toBe(want.organisation)
    expect(got.plan).toMatchObject({ title: want.plan.title, kind: want.plan.kind, status: want.plan.status })
    const successor = await stored(want.plan.succeededBy as Seed)
    expect(successor.plan.succeedsPlanId).toBe(got.plan.id)
    expect(got.themes).toHaveLength(want.counts.themes)
    expect(got.actions).toHaveLength(want.counts.actions)
    expect(got.themes.map((theme) => got.actions.filter((a) => a.themeId === theme.id).length)).toEqual(
      want.counts.actionsByTheme,
    )
    for (const text of want.samples.actions)
      expect(
        got.actions.filter((a) => `${a.title ?? ''}\n${a.description}`.includes(text)),
        text,
      ).toHaveLength(1)
    for (const phrase of want.samples.sections)
      expect(
        got.sections.some((s) => textOf(s).includes(phrase)),
        phrase,
      ).toBe(true)
  })

  it('001: the AfC business plan 2020/24, succeeding 000, with its projects by borough, values and ways of working', async () => {
    const want = expected['001']
    const got = await stored('001')
    expect(got.organisation.name).toBe(want.organisation)
    expect(got.plan).toMatchObject({ title: want.plan.title, kind: want.plan.kind, status: want.plan.status })
    expect(got.plan.succeedsPlanId).toBe(imported.get(want.plan.succeeds as Seed)!.planId)
    expect(got.themes).toHaveLength(want.counts.themes)
    expect(got.actions).toHaveLength(want.counts.actions)
    const areaKeys = Object.keys(want.counts.actionsByArea)
    const areaIds = await db.query<{ id: string; import_key: string }>(
      'select id, import_key from areas where org_id = $1',
      [got.organisation.id],
    )
    const keyOf = new Map(areaIds.map((area) => [area.id, area.import_key]))
    expect(countBy(got.actions, areaKeys, (a) => a.areaIds.map((id) => keyOf.get(id)!))).toEqual(
      Object.values(want.counts.actionsByArea),
    )
    expect(got.values).toHaveLength(want.counts.values)
    expect(got.organisation.howWeWork).toHaveLength(want.counts.howWeWork)
    expect(got.themes.map((t) => t.title)).toEqual(want.samples.themes)
    expect(got.values.map((v) => v.name)).toEqual(want.samples.values)
    for (const phrase of want.samples.sections)
      expect(
        got.sections.some((s) => textOf(s).includes(phrase)),
        phrase,
      ).toBe(true)
    for (const measure of want.samples.measures)
      expect(got.measures.filter((m) => m.title === measure.title).map((m) => m.comparison)).toEqual([
        measure.comparison,
      ])
  })

  it('002: RBWM, its improvement plan milestones with lead, deadline and monitoring, risks and budget', async () => {
    const want = expected['002']
    const got = await stored('002')
    expect(got.organisation.name).toBe(want.organisation)
    expect(got.plan).toMatchObject({ title: want.plan.title, kind: want.plan.kind, status: want.plan.status })
    expect(got.plan.documentControl.reviewText).toBe(want.plan.reviewText)
    expect(got.plan.documentControl.versions).toHaveLength(want.plan.versions)
    expect(got.themes).toHaveLength(want.counts.themes)
    expect(got.actions).toHaveLength(want.counts.actions)
    expect(got.milestones).toHaveLength(want.counts.milestones)
    expect(got.risks).toHaveLength(want.counts.risks)
    expect(got.risks.map((r) => r.mitigations.length)).toEqual(want.counts.mitigationsByRisk)
    // No likelihood or impact: the register gives none, so none is made up.
    expect(got.risks.every((r) => r.likelihood === null && r.impact === null)).toBe(true)
    const budgetRows = got.sections.filter((s) => s.kind === 'budget').flatMap((s) => s.table?.rows ?? [])
    expect(budgetRows).toHaveLength(want.counts.budgetRows)
    for (const [title, owner] of Object.entries(want.samples.themeOwners)) {
      expect(
        got.themes.filter((t) => t.title === title).map((t) => roles(t.owners)),
        title,
      ).toEqual([[owner]])
    }
    for (const sample of want.samples.milestones) {
      const [milestone, ...others] = got.milestones.filter((m) => m.title.startsWith(sample.title))
      expect(milestone, sample.title).toBeDefined()
      expect(others).toEqual([])
      expect(milestone!.deadlineText).toBe(sample.deadline)
      if ('lead' in sample) expect(roles(milestone!.leads)).toEqual([sample.lead])
      if ('monitoring' in sample) expect(milestone!.monitoring).toContain(sample.monitoring)
    }
    for (const text of want.samples.risks)
      expect(
        got.risks.filter((r) => r.description.includes(text)),
        text,
      ).toHaveLength(1)
    expect(budgetRows.filter((row) => row.includes(want.samples.budgetGrandTotal))).toHaveLength(1)
  })

  it('003: Kirklees, its themes answering 27 Ofsted and 10 KSCB recommendations, seven outcomes and its boards', async () => {
    const want = expected['003']
    const got = await stored('003')
    expect(got.organisation.name).toBe(want.organisation)
    expect(got.plan).toMatchObject({ title: want.plan.title, kind: want.plan.kind })
    expect(got.themes).toHaveLength(want.counts.themes)
    expect(got.outcomes).toHaveLength(want.counts.outcomes)
    expect(got.recommendations).toHaveLength(want.counts.recommendations)
    expect(got.recommendations.filter((r) => r.sourceKind === 'ofsted-inspection')).toHaveLength(
      want.counts.ofstedRecommendations,
    )
    expect(got.recommendations.filter((r) => r.sourceKind === 'safeguarding-board')).toHaveLength(
      want.counts.kscbRecommendations,
    )
    expect(got.themes.map((t) => t.recommendationIds.length)).toEqual(want.counts.recommendationsByTheme)
    // Every link names one of this plan's recommendations.
    const recommendationIds = new Set(got.recommendations.map((r) => r.id))
    expect(got.themes.flatMap((t) => t.recommendationIds).every((id) => recommendationIds.has(id))).toBe(true)
    for (const title of want.samples.themes) expect(got.themes.map((t) => t.title)).toContain(title)
    for (const title of want.samples.outcomes) expect(got.outcomes.map((o) => o.title)).toContain(title)
    const underTwo = want.samples.recommendationUnderTwoThemes
    const themesOf = (id: string) => got.themes.filter((t) => t.recommendationIds.includes(id)).map((t) => t.title)
    const numbered = got.recommendations.filter((r) => r.number === underTwo.number)
    expect(numbered.map((r) => themesOf(r.id))).toContainEqual(underTwo.themes)
    for (const board of want.samples.boards) expect(got.plan.documentControl.boards.map((b) => b.name)).toContain(board)
  })

  it('004: Greenwich, coded actions with title, several leads and where we are now, what staff said and the engagement index', async () => {
    const want = expected['004']
    const got = await stored('004')
    expect(got.organisation.name).toBe(want.organisation)
    expect(got.plan).toMatchObject({ title: want.plan.title, kind: want.plan.kind })
    expect(got.themes).toHaveLength(want.counts.themes)
    expect(got.actions).toHaveLength(want.counts.actions)
    expect(got.themes.map((theme) => got.actions.filter((a) => a.themeId === theme.id).length)).toEqual(
      want.counts.actionsByTheme,
    )
    const sevenS = got.sections.filter((s) => s.kind === 'values-framework')
    expect(sevenS.map((s) => s.items.length)).toEqual([want.counts.sevenSElements])
    for (const sample of want.samples.actions) {
      const [action, ...others] = got.actions.filter((a) => a.code === sample.code)
      expect(others).toEqual([])
      expect(action, sample.code).toMatchObject({ title: sample.title })
      expect(roles(action!.leads)).toEqual(sample.leads)
      if ('baseline' in sample) expect(action!.baseline).toBe(sample.baseline)
    }
    for (const said of want.samples.whatStaffSaid)
      expect(
        got.themes.filter((t) => t.whatStaffSaid.some((s) => s.includes(said))),
        said,
      ).toHaveLength(1)
    const { childrensServices, organisation } = want.samples.engagementIndex
    const index = got.measures.filter((m) => m.benchmarks.some((b) => b.value === organisation))
    expect(index).toHaveLength(1)
    const figures = [
      index[0]!.baseline?.value,
      ...index[0]!.actuals.map((a) => a.value),
      ...index[0]!.targets.map((t) => t.value),
    ]
    expect(figures).toContain(childrensServices)
  })

  it('imports each document again changing nothing at all', async () => {
    const before = await databaseSnapshot(db)
    for (const demo of demoOrganisations) {
      for (const document of demo.plans) {
        const { orgId, planId } = imported.get(seedOf(document)!)!
        const summary = await db.transaction((tx) =>
          importPlan(tx, { orgId, document, importedBy: null, dryRun: false }),
        )
        expect(summary).toMatchObject({
          planId,
          planExisted: true,
          created: [],
          changed: [],
          notInDocument: [],
          organisation: [],
        })
        expect(summary.unchanged).toBeGreaterThan(0)
      }
    }
    expect(await databaseSnapshot(db)).toEqual(before)
  })
})

/** A small valid document; each refusal below spoils one thing in it. */
const smallDocument = () => ({
  format: 'golden-thread/plan@2',
  areas: [{ key: 'all', name: 'Whole council', kind: 'organisation' }],
  plan: {
    key: 'small-plan',
    title: 'Small plan',
    kind: 'improvement-plan',
    status: 'draft',
    versionLabel: 'v1',
    source: 'tests/server/plan-import.test.ts',
  },
  themes: [{ key: 'theme', title: 'A theme' }],
  actions: [
    {
      key: 'first',
      theme: 'theme',
      description: 'The first action',
      deadline: { text: 'March 2017 and ongoing', date: '2017-03-31' },
    },
    { key: 'second', theme: 'theme', description: 'The second action' },
  ],
  milestones: [{ key: 'milestone', action: 'first', title: 'A milestone', leads: [{ role: 'Head of Service' }] }],
})
type SmallDocument = ReturnType<typeof smallDocument>

const refusals: [string, (doc: SmallDocument) => void, ImportProblem][] = [
  [
    'an unknown key',
    (doc) => Object.assign(doc.themes[0]!, { colour: 'red' }),
    { path: 'themes[0]', message: expect.stringContaining('colour') },
  ],
  [
    'a date that does not exist',
    (doc) => (doc.actions[0]!.deadline!.date = '2017-02-30'),
    { path: 'actions[0].deadline.date', message: expect.stringContaining('YYYY-MM-DD') },
  ],
  [
    'an empty title',
    (doc) => (doc.themes[0]!.title = ''),
    { path: 'themes[0].title', message: expect.stringContaining('Leave out') },
  ],
  [
    'a key used twice',
    (doc) => (doc.actions[1]!.key = 'first'),
    { path: 'actions[1].key', message: expect.stringContaining('"first"') },
  ],
  [
    'a milestone naming a missing action',
    (doc) => (doc.milestones[0]!.action = 'missing'),
    { path: 'milestones[0].action', message: expect.stringContaining('"missing"') },
  ],
  [
    'a NUL character',
    (doc) => (doc.actions[1]!.description = 'The second\u0000action'),
    { path: 'actions[1].description', message: expect.stringContaining('NUL') },
  ],
  [
    'a plan succeeding an unknown plan',
    (doc) => Object.assign(doc.plan, { succeeds: 'no-such-plan' }),
    { path: 'plan.succeeds', message: expect.stringContaining('"no-such-plan"') },
  ],
]

describe.each(backends)('refusing a bad plan document on %s', (backend) => {
  let db: Database
  /** One organisation with nothing yet, one holding the small plan already: a refusal writes nothing to either. */
  const orgs = { empty: '', holding: '' }
  beforeAll(async () => {
    db = await freshDatabase(backend)
    orgs.empty = await db.transaction((tx) => createOrganisation(tx, 'Empty Council', 'EC'))
    orgs.holding = await db.transaction(async (tx) => {
      const orgId = await createOrganisation(tx, 'Holding Council', 'HC')
      await importPlan(tx, { orgId, document: smallDocument(), importedBy: null, dryRun: false })
      return orgId
    })
  })
  afterAll(() => db?.close())

  it('takes the small document as it is', async () => {
    const fresh = await importPlan(db, { orgId: orgs.empty, document: smallDocument(), importedBy: null, dryRun: true })
    expect(fresh.created.map((item) => item.kind)).toEqual(['area', 'plan', 'theme', 'action', 'action', 'milestone'])
    const again = await importPlan(db, {
      orgId: orgs.holding,
      document: smallDocument(),
      importedBy: null,
      dryRun: true,
    })
    expect(again).toMatchObject({ planExisted: true, created: [], changed: [], unchanged: 6 })
  })

  it.each(refusals)('refuses %s with where it is, writing nothing', async (_, spoil, problem) => {
    const document = smallDocument()
    spoil(document)
    for (const orgId of Object.values(orgs)) {
      const before = await databaseSnapshot(db)
      // Not in a transaction: a write before the refusal would stay.
      const refusal = await importPlan(db, { orgId, document, importedBy: null, dryRun: false }).catch(
        (error: unknown) => error,
      )
      expect(refusal).toBeInstanceOf(ImportRefused)
      expect((refusal as ImportRefused).problems).toContainEqual(problem)
      expect(await databaseSnapshot(db)).toEqual(before)
    }
  })
})

describe.each(backends)('what an import stores on %s', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await freshDatabase(backend)
  })
  afterAll(() => db?.close())

  it("keeps a measure's actuals and benchmarks as the document gives them", async () => {
    const document = {
      ...smallDocument(),
      measures: [
        {
          key: 'engagement',
          title: 'Staff survey engagement index',
          unit: 'score',
          actuals: [{ period: 'Staff survey 2018', value: 77, note: "Children's Services" }],
          benchmarks: [{ label: 'The council as a whole', value: 72 }],
        },
      ],
    }
    const orgId = await db.transaction((tx) => createOrganisation(tx, 'Measuring Council', 'MC'))
    const { planId } = await db.transaction((tx) =>
      importPlan(tx, { orgId, document, importedBy: null, dryRun: false }),
    )
    const [measure] = (await storedPlan(db, orgId, planId)).measures
    expect(measure).toMatchObject({
      actuals: document.measures[0]!.actuals,
      benchmarks: document.measures[0]!.benchmarks,
      comparison: null,
      direction: null,
    })
  })

  it('keeps the actuals recorded in the app when the document is imported again, and takes the periods the document gives', async () => {
    const measure = (actuals: { period: string; value: number }[]) => ({
      key: 'engagement',
      title: 'Engagement index',
      unit: 'score',
      actuals,
    })
    const document = { ...smallDocument(), measures: [measure([{ period: '2018', value: 77 }])] }
    const orgId = await db.transaction((tx) => createOrganisation(tx, 'Surveying Council', 'SC'))
    const { planId } = await db.transaction((tx) =>
      importPlan(tx, { orgId, document, importedBy: null, dryRun: false }),
    )
    // What closing a survey does: its result appended as the next period's actual.
    await db.query(
      `update measures set actuals = actuals || '[{"period": "Autumn 2026 survey", "value": 81}]' where plan_id = $1`,
      [planId],
    )

    const again = await db.transaction((tx) => importPlan(tx, { orgId, document, importedBy: null, dryRun: false }))
    expect(again).toMatchObject({ created: [], changed: [] })
    const corrected = { ...document, measures: [measure([{ period: '2018', value: 76 }])] }
    const update = await db.transaction((tx) =>
      importPlan(tx, { orgId, document: corrected, importedBy: null, dryRun: false }),
    )
    expect(update.changed).toEqual([
      expect.objectContaining({ kind: 'measure', key: 'engagement', fields: ['actuals'] }),
    ])
    const [stored] = (await storedPlan(db, orgId, planId)).measures
    expect(stored!.actuals).toEqual([
      { period: '2018', value: 76 },
      { period: 'Autumn 2026 survey', value: 81 },
    ])
  })
})

describe.each(backends)('importing a changed plan document on %s', (backend) => {
  let server: ServerFixture
  beforeAll(async () => {
    server = await demoServer(backend)
  })
  afterAll(() => server?.close())

  /** Every page of a pull from `since`. */
  async function pullAll(cookie: string, since: number) {
    const changes: PullResponse['changes'] = []
    for (
      let page = await pullInject(server.app, cookie, since);
      ;
      page = await pullInject(server.app, cookie, page.checkpoint)
    ) {
      changes.push(...page.changes)
      if (!page.hasMore) return { changes, checkpoint: page.checkpoint }
    }
  }

  it('updates the changed records in place with new versions, keeps what the app set and what the document dropped, and keeps the import', async () => {
    const [rbwm] = await server.db.query<{ org_id: string; plan_id: string; admin_id: string }>(
      `select p.org_id, p.id as plan_id, a.person_id as admin_id from plans p join people pe on pe.org_id = p.org_id
         join accounts a on a.person_id = pe.id where p.import_key = $1 and a.email = 'admin@rbwm.demo.local'`,
      [rbwmBusinessPlan.plan.key],
    )
    const { org_id: orgId, plan_id: planId, admin_id: adminId } = rbwm!
    const cookie = await server.signIn('admin@rbwm.demo.local')
    const before = await storedPlan(server.db, orgId, planId)
    const keyed = async (table: string, key: string) =>
      (
        await server.db.query<{ id: string }>(`select id from ${table} where org_id = $1 and import_key = $2`, [
          orgId,
          key,
        ])
      )[0]!.id
    const actionId = await keyed('actions', 't1-action-1')
    const milestoneId = await keyed('milestones', 't1-action-1-m1')
    const droppedId = await keyed('actions', 't8-action-1')

    // The plan admin sets a status in the app; the document knows nothing of statuses.
    const status = change('status.set', { entity: 'action', entityId: actionId, status: 'at-risk' })
    expect((await pushInject(server.app, cookie, { mutations: [status] })).results).toEqual([
      { id: status.id, outcome: 'applied' },
    ])
    const seen = await pullAll(cookie, 0)
    const statusSet = (await storedPlan(server.db, orgId, planId)).actions.find((a) => a.id === actionId)!

    const changed = structuredClone(rbwmBusinessPlan)
    changed.milestones[0]!.deadline!.text = 'December 2016 and ongoing'
    const newLeads = [
      { role: 'Acting Head of Early Help and MASH' },
      { role: 'Head of Children in Care', person: 'A. Example' },
    ]
    changed.actions[0]!.leads = newLeads
    changed.actions = changed.actions.filter((a) => a.key !== 't8-action-1')
    changed.milestones = changed.milestones.filter((m) => m.action !== 't8-action-1')
    const summary = await server.db.transaction((tx) =>
      importPlan(tx, { orgId, document: changed, importedBy: adminId, dryRun: false }),
    )

    expect(summary).toMatchObject({ planId, planExisted: true, created: [], organisation: [] })
    expect(summary.changed.map(({ kind, key, fields }) => ({ kind, key, fields }))).toEqual([
      { kind: 'action', key: 't1-action-1', fields: ['leads'] },
      { kind: 'milestone', key: 't1-action-1-m1', fields: ['deadlineText'] },
    ])
    expect(summary.notInDocument.map(({ kind, key }) => `${kind} ${key}`)).toEqual([
      'action t8-action-1',
      'milestone t8-action-1-m1',
      'milestone t8-action-1-m2',
      'milestone t8-action-1-m3',
    ])

    const after = await storedPlan(server.db, orgId, planId)
    const action = after.actions.find((a) => a.id === actionId)!
    expect(action.leads).toEqual(newLeads)
    expect(action.version).toBeGreaterThan(statusSet.version)
    expect(action).toMatchObject({
      status: 'at-risk',
      statusSetBy: adminId,
      statusMutationId: status.id,
      leadTeamId: statusSet.leadTeamId,
    })
    expect(action.leadTeamId).not.toBeNull()
    const milestone = after.milestones.find((m) => m.id === milestoneId)!
    const milestoneBefore = before.milestones.find((m) => m.id === milestoneId)!
    expect(milestone).toEqual({
      ...milestoneBefore,
      deadlineText: 'December 2016 and ongoing',
      version: milestone.version,
    })
    expect(milestone.version).toBeGreaterThan(milestoneBefore.version)
    // Nothing else moved, and the dropped action and its milestones are still there as they were.
    const rest = (plan: StoredPlan) =>
      [
        ...plan.actions,
        ...plan.milestones,
        ...plan.themes,
        ...plan.risks,
        ...plan.measures,
        ...plan.sections,
        plan.plan,
      ].filter((r) => r.id !== actionId && r.id !== milestoneId)
    expect(rest(after)).toEqual(rest(before))
    expect(after.actions.map((a) => a.id)).toContain(droppedId)

    // A device that had everything gets just the two records, once.
    const pulled = await pullAll(cookie, seen.checkpoint)
    expect(pulled.changes.map((c) => `${c.type} ${c.op === 'put' ? c.data.id : c.id}`).sort()).toEqual(
      [`action ${actionId}`, `milestone ${milestoneId}`].sort(),
    )

    const imports = await server.db.query<{ imported_by: string | null; document: unknown; changed: unknown }>(
      'select imported_by, document, changed from plan_imports where plan_id = $1 order by imported_at',
      [planId],
    )
    expect(imports).toEqual([
      { imported_by: null, document: planDocumentSchema.parse(rbwmBusinessPlan), changed: [] },
      { imported_by: adminId, document: planDocumentSchema.parse(changed), changed: summary.changed },
    ])
  })
})
