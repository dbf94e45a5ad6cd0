import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { change, count, demoIds, pullInject, pushInject, writeFingerprint, type DemoIds } from '../support/push-fixture'
import type { RefreshResult } from '../../src/shared/plans/next-version'

// A plan's lifecycle (kinds/plan-lifecycle.ts) and the annual refresh (plans/lifecycle/refresh.ts).
describe.each(backends)('a plan’s lifecycle and the annual refresh, on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  const cookies: Record<string, string> = {}
  let planId: string

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    for (const role of ['practitioner', 'manager', 'admin', 'viewer'])
      cookies[role] = await server.signIn(`${role}@demo.local`)
    const [plan] = await server.db.query<{ id: string }>(
      `select p.id from plans p where org_id = $1 and status = 'approved'
        order by (select count(*) from actions a where a.plan_id = p.id) desc limit 1`,
      [ids.orgId],
    )
    planId = plan!.id
  })
  afterAll(() => server.close())

  const refresh = (cookie: string, id = planId) =>
    server.app.inject({ method: 'POST', url: `/api/plans/${id}/refresh`, headers: { cookie } })
  const lifecycle = (cookie: string, data: Record<string, unknown>) =>
    pushInject(server.app, cookie, { mutations: [change('plan.lifecycle', data)] })
  async function pulledIds(cookie: string): Promise<Set<string>> {
    const seen = new Set<string>()
    let since = 0
    for (;;) {
      const page = await pullInject(server.app, cookie, since)
      for (const c of page.changes) if (c.op === 'put') seen.add(String((c.data as { id: string }).id))
      since = page.checkpoint
      if (!page.hasMore) return seen
    }
  }

  it('only a plan admin starts next year’s version; it carries exactly the open work, dates to set', async () => {
    for (const role of ['practitioner', 'manager', 'viewer']) {
      const before = await writeFingerprint(server.db)
      const reply = await refresh(cookies[role]!)
      expect(reply.statusCode).toBe(403)
      expect(await writeFingerprint(server.db)).toEqual(before)
    }
    // Some work complete first: it stays behind.
    const [done] = await server.db.query<{ id: string }>(
      'select id from actions where plan_id = $1 order by id limit 1',
      [planId],
    )
    const set = await pushInject(server.app, cookies.admin, {
      mutations: [change('status.set', { entity: 'action', entityId: done!.id, status: 'complete' })],
    })
    expect(set.results[0]!.outcome).toBe('applied')
    const open = await count(
      server.db,
      "select count(*) as n from actions where plan_id = $1 and status <> 'complete' and archived_at is null",
      [planId],
    )
    const reply = await refresh(cookies.admin!)
    expect(reply.statusCode, reply.body).toBe(201)
    const result = reply.json() as RefreshResult
    expect(result.carried.actions).toBe(open)
    expect(result.completeLeft.actions).toBeGreaterThanOrEqual(1)
    const carried = await server.db.query<{ carried_from_id: string; due_date: string | null; deadline_text: string }>(
      'select carried_from_id, due_date, deadline_text from actions where plan_id = $1',
      [result.planId],
    )
    expect(carried).toHaveLength(open)
    expect(carried.map((a) => a.carried_from_id)).not.toContain(done!.id)
    expect(carried.every((a) => a.due_date === null && a.deadline_text === 'New date to set')).toBe(true)
    const [draft] = await server.db.query<{ status: string; carried_from_id: string }>(
      'select status, carried_from_id from plans where id = $1',
      [result.planId],
    )
    expect(draft).toEqual({ status: 'draft', carried_from_id: planId })
    // The old plan keeps everything.
    expect(await count(server.db, 'select count(*) as n from actions where plan_id = $1', [planId])).toBeGreaterThan(
      open,
    )
    // Once started, not again while the draft stands.
    expect((await refresh(cookies.admin!)).statusCode).toBe(409)

    // The draft reaches plan admins' devices only.
    const practitionerSees = await pulledIds(cookies.practitioner!)
    expect(practitionerSees.has(result.planId)).toBe(false)
    const someNew = await server.db.query<{ id: string }>('select id from actions where plan_id = $1 limit 3', [
      result.planId,
    ])
    for (const a of someNew) expect(practitionerSees.has(a.id)).toBe(false)
    expect((await pulledIds(cookies.admin!)).has(result.planId)).toBe(true)

    // Approval: practitioners and managers are refused with the reason; a bad date is refused.
    const approval = {
      planId: result.planId,
      step: 'approve',
      board: 'Children’s Services Board',
      approvedOn: '2026-11-30',
    }
    for (const role of ['practitioner', 'manager']) {
      const refused = await lifecycle(cookies[role]!, approval)
      expect(refused.results[0]).toMatchObject({
        outcome: 'refused',
        reason: expect.stringMatching(/Only a plan admin/),
      })
    }
    expect((await lifecycle(cookies.viewer!, approval)).statusCode).toBe(403)
    expect((await lifecycle(cookies.admin!, { ...approval, approvedOn: '2026-02-30' })).results[0]!.outcome).toBe(
      'refused',
    )
    // A practitioner's device has synced up to now; after approval its next pull brings the plan's records.
    const practitionerCheckpoint = (await pullInject(server.app, cookies.practitioner!, 0)).checkpoint
    const approved = await lifecycle(cookies.admin!, approval)
    expect(approved.results[0]!.outcome, approved.results[0]!.reason).toBe('applied')
    const after = new Set<string>()
    let since = practitionerCheckpoint
    for (;;) {
      const page = await pullInject(server.app, cookies.practitioner!, since)
      for (const c of page.changes) if (c.op === 'put') after.add(String((c.data as { id: string }).id))
      since = page.checkpoint
      if (!page.hasMore) break
    }
    expect(after.has(result.planId)).toBe(true)
    for (const a of someNew) expect(after.has(a.id)).toBe(true)

    // The approval is in the document control; the old version is superseded and read-only, its history kept.
    const [plans] = await server.db.query<{
      control: { versions: { approvedBy: string; approverPersonId: string }[] }
      old: string
    }>(
      'select (select document_control from plans where id = $1) as control, (select status from plans where id = $2) as old',
      [result.planId, planId],
    )
    expect(plans!.control.versions.at(-1)).toMatchObject({
      approvedBy: 'Children’s Services Board',
      approverPersonId: ids.person.admin,
    })
    expect(plans!.old).toBe('superseded')
    const [oldAction] = await server.db.query<{ id: string }>(
      "select id from actions where plan_id = $1 and status <> 'complete' limit 1",
      [planId],
    )
    const edit = await pushInject(server.app, cookies.admin, {
      mutations: [change('record.edit', { type: 'action', id: oldAction!.id, fields: { title: 'Changed' } })],
    })
    expect(edit.results[0]).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/superseded/) })
    expect(
      await count(
        server.db,
        "select count(*) as n from history where entity_id = $1 and change in ('plan.refresh', 'plan.approve')",
        [result.planId],
      ),
    ).toBe(2)
    // Further steps: supersede then archive; nothing after archiving.
    expect(
      (
        await lifecycle(cookies.admin!, {
          planId: result.planId,
          step: 'approve',
          board: 'x',
          approvedOn: '2026-11-30',
        })
      ).results[0]!.outcome,
    ).toBe('refused')
    expect((await lifecycle(cookies.admin!, { planId: result.planId, step: 'supersede' })).results[0]!.outcome).toBe(
      'applied',
    )
    expect((await lifecycle(cookies.admin!, { planId: result.planId, step: 'archive' })).results[0]!.outcome).toBe(
      'applied',
    )
    expect((await lifecycle(cookies.admin!, { planId: result.planId, step: 'archive' })).results[0]).toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/archived/),
    })
  })

  it('starts a measure without last year’s figures, its latest the baseline, and a risk without its quarters’ ratings', async () => {
    const admin = await server.signIn('admin@rbwm.demo.local')
    const [rbwm] = await server.db.query<{ id: string }>(
      `select p.id from plans p join organisations o on o.id = p.org_id
        where o.short_name = 'RBWM' and p.status = 'approved'`,
    )
    type StoredMeasure = {
      id: string
      baseline: unknown
      targets: unknown
      tolerance_percent: number
      actuals: { period: string; value: number }[]
    }
    const measureColumns = 'id, baseline, targets, tolerance_percent, actuals, carried_from_id'
    const measures = await server.db.query<StoredMeasure>(`select ${measureColumns} from measures where plan_id = $1`, [
      rbwm!.id,
    ])
    const figured = measures.find((m) => m.actuals.length)!
    const [risk] = await server.db.query<{ id: string }>(
      'select id from risks where plan_id = $1 order by id limit 1',
      [rbwm!.id],
    )
    const recorded = await pushInject(server.app, admin, {
      mutations: [
        change('measure.actual', { measureId: figured.id, period: '2026 Q2', value: 5.2, note: 'Demo figure' }),
        change('risk.assess', {
          riskId: risk!.id,
          likelihood: 4,
          impact: 3,
          residualLikelihood: 2,
          residualImpact: 3,
        }),
      ],
    })
    expect(recorded.results.map((r) => r.outcome)).toEqual(['applied', 'applied'])

    const reply = await refresh(admin, rbwm!.id)
    expect(reply.statusCode, reply.body).toBe(201)
    const next = (reply.json() as RefreshResult).planId
    const carried = await server.db.query<StoredMeasure & { carried_from_id: string }>(
      `select ${measureColumns} from measures where plan_id = $1`,
      [next],
    )
    expect(carried).toHaveLength(measures.length)
    for (const measure of carried) {
      const was = measures.find((m) => m.id === measure.carried_from_id)!
      expect(measure.actuals).toEqual([])
      expect(measure.targets).toEqual(was.targets)
      expect(measure.tolerance_percent).toBe(was.tolerance_percent)
      if (was.id !== figured.id && !was.actuals.length) expect(measure.baseline).toEqual(was.baseline)
    }
    expect(carried.find((m) => m.carried_from_id === figured.id)!.baseline).toEqual({ value: 5.2, period: '2026 Q2' })

    const [nextRisk] = await server.db.query<{
      likelihood: number
      impact: number
      residual_likelihood: number
      residual_impact: number
      assessments: unknown[]
    }>(
      'select likelihood, impact, residual_likelihood, residual_impact, assessments from risks where carried_from_id = $1',
      [risk!.id],
    )
    expect(nextRisk).toEqual({ likelihood: 4, impact: 3, residual_likelihood: 2, residual_impact: 3, assessments: [] })
    // The old version keeps its figures and ratings.
    const [old] = await server.db.query<{ actuals: unknown[]; assessments: unknown[] }>(
      `select (select actuals from measures where id = $1) as actuals, (select assessments from risks where id = $2) as assessments`,
      [figured.id, risk!.id],
    )
    expect(old!.actuals.length).toBeGreaterThan(figured.actuals.length)
    expect(old!.assessments).not.toEqual([])
  })
})
