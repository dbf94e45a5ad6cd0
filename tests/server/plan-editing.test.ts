import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import {
  change,
  demoIds,
  progress,
  pushInject,
  type DemoIds,
  madeAtClock,
  firstApprovedPlanId,
} from '../support/push-fixture'
import { addOtherOrganisation } from '../support/other-organisation'
import afcPlan from '../../src/server/demo/plans/001-afc-business-plan-2020-24.json'

// Plan admins edit the plan through the outbox: src/shared/changes/kinds/record-*.ts.
describe.each(backends)('editing the plan in the app, on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  let admin: string
  let planId: string
  let themeId: string
  let otherOrgPlanId: string
  const later = madeAtClock()

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    admin = await server.signIn('admin@demo.local')
    planId = await firstApprovedPlanId(server.db, ids.orgId)
    const [theme] = await server.db.query<{ id: string }>('select id from themes where plan_id = $1 limit 1', [planId])
    themeId = theme!.id
    const other = await addOtherOrganisation(server.db)
    otherOrgPlanId = (
      await server.db.query<{ id: string }>('select id from plans where org_id = $1', [other.orgId])
    )[0]!.id
  })
  afterAll(() => server.close())

  const push = (cookie: string, ...mutations: ReturnType<typeof change>[]) =>
    pushInject(server.app, cookie, { mutations })
  const edit = (type: string, id: string, fields: Record<string, unknown>, madeAt = later()) =>
    change('record.edit', { type, id, fields }, { madeAt })
  const row = async (table: string, id: string) =>
    (await server.db.query<Record<string, unknown>>(`select * from ${table} where id = $1`, [id]))[0]
  const historyOf = (id: string) =>
    server.db.query<{ change: string; outcome: string; details: Record<string, unknown>; mutation_id: string }>(
      'select change, outcome, details, mutation_id from history where entity_id = $1 order by version',
      [id],
    )

  it('an admin makes a theme, an action under it and a milestone in one push, applied once however often sent', async () => {
    const theme = randomUUID()
    const action = randomUUID()
    const milestone = randomUUID()
    const mutations = [
      change('record.create', { type: 'theme', id: theme, fields: { planId, title: 'Stable homes', position: 90 } }),
      change('record.create', {
        type: 'action',
        id: action,
        fields: { planId, themeId: theme, description: 'Recruit twenty foster carers', code: 'SH1', position: 0 },
      }),
      change('record.create', {
        type: 'milestone',
        id: milestone,
        fields: { actionId: action, title: 'Campaign launched', dueDate: '2027-01-31', position: 0 },
      }),
    ]
    const first = await push(admin, ...mutations)
    expect(first.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied'])
    const again = await push(admin, ...mutations)
    expect(again.results.every((r) => r.outcome === 'applied' && r.repeated)).toBe(true)
    expect(await server.db.query('select count(*)::int as n from themes where id = $1', [theme])).toEqual([{ n: 1 }])
    expect(await row('actions', action)).toMatchObject({
      theme_id: theme,
      plan_id: planId,
      code: 'SH1',
      status: 'not-started',
      archived_at: null,
    })
    expect(await row('milestones', milestone)).toMatchObject({ title: 'Campaign launched', action_id: action })
    expect((await historyOf(milestone)).map((h) => h.change)).toEqual(['record.create'])
  })

  it('an admin makes a plan of no other, an outcome of the organisation, and a recommendation and a theme answering both', async () => {
    const [plan, outcome, recommendation, theme] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
    const reply = await push(
      admin,
      change('record.create', {
        type: 'plan',
        id: plan,
        fields: { kind: 'business-plan', title: 'Early help strategy', versionLabel: '2027 to 2028' },
      }),
      change('record.create', { type: 'outcome', id: outcome, fields: { title: 'Ready for school', position: 0 } }),
      change('record.create', {
        type: 'recommendation',
        id: recommendation,
        fields: { planId: plan, sourceKind: 'peer-review', sourceTitle: 'Peer review', number: '3', position: 0 },
      }),
      change('record.create', {
        type: 'theme',
        id: theme,
        fields: {
          planId: plan,
          title: 'Help early',
          outcomeIds: [outcome],
          recommendationIds: [recommendation],
          position: 0,
        },
      }),
    )
    expect(reply.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'applied'])
    expect(await row('plans', plan)).toMatchObject({ org_id: ids.orgId, status: 'draft', title: 'Early help strategy' })
    expect(await row('outcomes', outcome)).toMatchObject({ org_id: ids.orgId, title: 'Ready for school' })
    expect(await row('recommendations', recommendation)).toMatchObject({ plan_id: plan, number: '3' })
    expect(await row('themes', theme)).toMatchObject({ outcome_ids: [outcome], recommendation_ids: [recommendation] })
  })

  it('a new record must be whole: a missing title or a reference to nothing is refused with the reason and writes nothing', async () => {
    const before = await server.db.query('select count(*)::int as n from themes')
    const reply = await push(
      admin,
      change('record.create', { type: 'theme', id: randomUUID(), fields: { planId, position: 1 } }),
      change('record.create', {
        type: 'action',
        id: randomUUID(),
        fields: { planId, themeId: randomUUID(), description: 'Nowhere to go', position: 1 },
      }),
      change('record.create', {
        type: 'theme',
        id: randomUUID(),
        fields: { planId: otherOrgPlanId, title: 'Theirs', position: 1 },
      }),
    )
    expect(reply.results.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused'])
    expect(reply.results[0]!.reason).toContain('A new theme needs its title.')
    expect(reply.results[1]!.reason).toBe('The project’s theme names a theme that is not in this plan.')
    expect(reply.results[2]!.reason).toBe('The theme’s plan names a plan that is not in your organisation.')
    expect(await server.db.query('select count(*)::int as n from themes')).toEqual(before)
  })

  it('an edit is checked by the record’s schema: unknown fields, bad values and app-owned fields are refused', async () => {
    const k9 = ids.action('K9')
    const before = await row('actions', k9)
    const reply = await push(
      admin,
      edit('action', k9, { nickname: 'K-nine' }),
      edit('action', k9, { dueDate: '2027-02-30' }),
      edit('action', k9, { status: 'complete' }),
      edit('action', k9, { planId: otherOrgPlanId }),
      edit('action', k9, {}),
      edit('action', k9, { leadTeamId: randomUUID() }),
    )
    expect(reply.results.map((r) => r.outcome)).toEqual(Array(6).fill('refused'))
    expect(reply.results[5]!.reason).toBe('The project’s lead team names a team that is not in your organisation.')
    expect(await row('actions', k9)).toEqual(before)
  })

  it('practitioners and managers are refused with the reason; viewers cannot push at all', async () => {
    const k9 = ids.action('K9')
    for (const email of ['practitioner@demo.local', 'manager@demo.local']) {
      const cookie = await server.signIn(email)
      const reply = await push(
        cookie,
        edit('action', k9, { title: 'Mine now' }),
        change('record.create', { type: 'theme', id: randomUUID(), fields: { planId, title: 'New', position: 1 } }),
        change('record.archive', { type: 'action', id: k9, archived: true }),
      )
      expect(reply.results.map((r) => r.reason)).toEqual(
        Array(3).fill('Only a plan admin can change the plan. Ask your plan admin to make this change.'),
      )
    }
    const viewer = await server.signIn('viewer@demo.local')
    const refused = await push(viewer, edit('action', k9, { title: 'Viewer edit' }))
    expect(refused.statusCode).toBe(403)
    expect((await row('actions', k9))!.title).not.toBe('Viewer edit')
  })

  // Two admins edit one record offline; their devices sync in either order.
  describe.each([
    ['the earlier edit arrives first', false],
    ['the later edit arrives first', true],
  ])('two admins editing one action: %s', (_, laterFirst) => {
    it('meet field by field: the more recent edit wins each field, both kept in the history', async () => {
      const action = randomUUID()
      await push(
        admin,
        change('record.create', {
          type: 'action',
          id: action,
          fields: {
            planId,
            themeId,
            description: 'Shared work',
            title: 'Original',
            monitoring: 'Quarterly',
            position: 5,
          },
        }),
      )
      const secondAdmin = await server.signIn('admin@demo.local')
      const early = edit('action', action, { title: 'Sam’s title', monitoring: 'Monthly' }, later())
      const late = edit('action', action, { title: 'Alex’s title', deadlineText: 'By summer' }, later())
      const [first, second] = laterFirst ? [late, early] : [early, late]
      const a = await push(admin, first)
      const b = await push(secondAdmin, second)
      expect(a.results[0]!.outcome).toBe('applied')
      expect(b.results[0]!.outcome).toBe('applied')
      expect(await row('actions', action)).toMatchObject({
        title: 'Alex’s title',
        monitoring: 'Monthly',
        deadline_text: 'By summer',
      })
      const history = (await historyOf(action)).filter((h) => h.change === 'record.edit')
      expect(history).toHaveLength(2)
      const ofEarly = history.find((h) => h.mutation_id === early.id)!
      if (laterFirst) {
        // The earlier edit arrived second: its title did not stand, and the history holds both.
        expect(ofEarly.details).toEqual({
          changed: { monitoring: { from: 'Quarterly', to: 'Monthly' } },
          kept: { title: { theirs: 'Alex’s title', yours: 'Sam’s title' } },
        })
        expect(b.results[0]!.reason).toBe('Someone else edited the title more recently, so theirs stands.')
      } else {
        expect(ofEarly.details).toMatchObject({ changed: { title: { from: 'Original', to: 'Sam’s title' } } })
        const ofLate = history.find((h) => h.mutation_id === late.id)!
        expect(ofLate.details).toMatchObject({ changed: { title: { from: 'Sam’s title', to: 'Alex’s title' } } })
      }
    })
  })

  it('an edit all of whose fields lost is superseded, and says so', async () => {
    const k1 = ids.action('K1')
    await push(
      admin,
      edit('action', k1, { monitoring: 'Weekly' }, new Date(Date.parse(later()) + 60_000).toISOString()),
    )
    const stale = await push(admin, edit('action', k1, { monitoring: 'Never' }, later()))
    expect(stale.results[0]).toMatchObject({
      outcome: 'superseded',
      reason: 'Someone else edited the monitoring more recently, so their version stands.',
    })
    expect((await row('actions', k1))!.monitoring).toBe('Weekly')
  })

  it('measures take targets; risks and outcomes their links, each checked', async () => {
    const [measure] = await server.db.query<{ id: string }>('select id from measures where plan_id = $1 limit 1', [
      planId,
    ])
    const targets = [
      { value: 12, by: '2027-03-31' },
      { text: 'Below the national average', period: '2027/28' },
    ]
    const reply = await push(admin, edit('measure', measure!.id, { targets, themeIds: [themeId] }))
    expect(reply.results[0]!.outcome).toBe('applied')
    expect(await row('measures', measure!.id)).toMatchObject({ targets, theme_ids: [themeId] })
    const outcome = randomUUID()
    const made = await push(
      admin,
      change('record.create', { type: 'outcome', id: outcome, fields: { title: 'Children are safe', position: 9 } }),
      edit('theme', themeId, { outcomeIds: [outcome] }),
    )
    expect(made.results.map((r) => r.outcome)).toEqual(['applied', 'applied'])
    expect((await row('themes', themeId))!.outcome_ids).toEqual([outcome])
  })

  it('deleting is archiving: the action leaves the lists but keeps its updates, and can be restored', async () => {
    const k3 = ids.action('K3')
    const admins = admin
    const update = progress(k3, 'green', 'Kept whatever happens to the action.')
    await push(admins, change('progress.post', update))
    const archived = await push(admins, change('record.archive', { type: 'action', id: k3, archived: true }))
    expect(archived.results[0]!.outcome).toBe('applied')
    expect((await row('actions', k3))!.archived_at).not.toBeNull()
    expect(await row('progress_updates', update.id)).toBeDefined()
    const editArchived = await push(admins, edit('action', k3, { title: 'Changed while archived' }))
    expect(editArchived.results[0]!.reason).toBe('This project is archived. Restore it to edit it.')
    await push(admins, change('record.archive', { type: 'action', id: k3, archived: false }))
    expect((await row('actions', k3))!.archived_at).toBeNull()
    expect((await historyOf(k3)).map((h) => h.change).filter((c) => c.startsWith('record.'))).toEqual([
      'record.archive',
      'record.restore',
    ])
  })

  it('a superseded plan is read-only: edits and updates on it are refused with the reason', async () => {
    const [old] = await server.db.query<{ id: string }>(
      `select id from plans where org_id = $1 and status = 'superseded' limit 1`,
      [ids.orgId],
    )
    const [oldTheme] = await server.db.query<{ id: string }>('select id from themes where plan_id = $1 limit 1', [
      old!.id,
    ])
    const reply = await push(admin, edit('theme', oldTheme!.id, { title: 'Rewritten history' }))
    expect(reply.results[0]!.reason).toBe(
      'This plan has been superseded, so it is kept as it was and cannot be changed. Change its newer version instead.',
    )
    const [oldAction] = await server.db.query<{ id: string }>('select id from actions where plan_id = $1 limit 1', [
      old!.id,
    ])
    if (oldAction) {
      const post = await push(admin, change('progress.post', progress(oldAction.id, 'green', 'Late news.')))
      expect(post.results[0]!.outcome).toBe('refused')
    }
  })

  it('importing the plan’s document again keeps what was edited in the app, and says so', async () => {
    const k8 = ids.action('K8')
    const before = await row('actions', k8)
    await push(admin, edit('action', k8, { monitoring: 'Monthly at the SEND board' }))
    const post = (url: string) =>
      server.app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(afcPlan),
        headers: { 'content-type': 'application/json', cookie: admin },
      })
    for (const url of ['/api/plans/import/preview', '/api/plans/import']) {
      const reply = await post(url)
      expect(reply.statusCode).toBe(200)
      const summary = reply.json() as { editedInApp: unknown[] }
      // Earlier tests here edited other records of this plan too.
      expect(summary.editedInApp).toContainEqual({
        kind: 'action',
        key: 'k-therapies',
        label: expect.stringMatching(/^K8 /),
        fields: ['monitoring'],
      })
    }
    expect(await row('actions', k8)).toMatchObject({
      monitoring: 'Monthly at the SEND board',
      description: before!.description,
    })
  })

  it('an edit’s new version reaches other devices in their next pull', async () => {
    const practitioner = await server.signIn('practitioner@demo.local')
    const [{ seq }] = (await server.db.query<{ seq: string }>(
      'select change_seq as seq from organisations where id = $1',
      [ids.orgId],
    )) as [{ seq: string }]
    const checkpoint = Number(seq)
    await push(admin, edit('action', ids.action('K9'), { monitoring: 'Reviewed at the board' }))
    const next = await server.app.inject({
      method: 'GET',
      url: `/api/sync/pull?since=${checkpoint}&limit=1000`,
      headers: { cookie: practitioner },
    })
    const changes = (next.json() as { changes: { type: string; data: { id: string; monitoring: string } }[] }).changes
    expect(changes.find((c) => c.type === 'action' && c.data.id === ids.action('K9'))?.data.monitoring).toBe(
      'Reviewed at the board',
    )
  })
})
