import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo, demoOrganisations } from '../../src/server/demo/seed'
import { demoPassword } from '../../src/server/demo/people'
import { tableOf } from '../../src/server/db/tables'
import { entityTypes, type Entity, type EntityType } from '../../src/shared/entities'
import type { PullResponse, Upsert } from '../../src/shared/sync/protocol'
import { quarterBefore, quarterOf } from '../../src/shared/sync/quarter'
import { startApp, type RunningApp } from '../support/app-server'
import { backends, freshDatabase } from '../support/databases'

type Pulled = { [T in EntityType]: Entity<T>[] }

describe.each(backends)('the demo on %s', (backend) => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ db: await freshDatabase(backend) })
  })
  afterAll(() => app?.stop())

  /** Signs in over HTTP as a device does, and pulls every page from the start. */
  async function pullAs(email: string): Promise<Pulled> {
    const signIn = await fetch(`${app.origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: demoPassword }),
    })
    expect(signIn.status, email).toBe(200)
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!
    const pulled = Object.fromEntries(entityTypes.map((type) => [type, []])) as unknown as Pulled
    for (let since = 0, hasMore = true; hasMore;) {
      const response = await fetch(`${app.origin}/api/sync/pull?since=${since}`, { headers: { cookie } })
      expect(response.status).toBe(200)
      const page = (await response.json()) as PullResponse
      for (const change of page.changes)
        if (change.op === 'put') (pulled[change.type] as unknown[]).push((change as Upsert).data)
      ;({ checkpoint: since, hasMore } = page)
    }
    return pulled
  }

  it('loads four organisations once, and a second start changes nothing', async () => {
    expect(await seedDemo(app.db)).toBe(false)
    const organisations = await app.db.query<{ name: string; plans: number; accounts: number }>(
      `select o.name, (select count(*)::int from plans p where p.org_id = o.id) as plans,
         (select count(*)::int from accounts a join people p on p.id = a.person_id where p.org_id = o.id) as accounts
         from organisations o order by o.name`,
    )
    expect(organisations).toEqual([
      { name: 'Achieving for Children', plans: 2, accounts: 4 },
      { name: 'Kirklees Council', plans: 1, accounts: 2 },
      { name: 'Royal Borough of Greenwich', plans: 1, accounts: 2 },
      { name: 'Royal Borough of Windsor and Maidenhead', plans: 1, accounts: 2 },
    ])
  })

  it('lets every demo account sign in and pull its own organisation, and nothing of another', async () => {
    const orgIdOf = new Map(
      (await app.db.query<{ id: string; name: string }>('select id, name from organisations')).map((o) => [
        o.name,
        o.id,
      ]),
    )
    for (const demo of demoOrganisations) {
      const orgId = orgIdOf.get(demo.name)!
      const planIds = (await app.db.query<{ id: string }>('select id from plans where org_id = $1', [orgId]))
        .map((p) => p.id)
        .sort()
      for (const person of demo.people.filter((p) => p.email)) {
        const pulled = await pullAs(person.email!)
        expect(
          pulled.organisation.map((o) => o.id),
          person.email!,
        ).toEqual([orgId])
        expect(pulled.plan.map((p) => p.id).sort()).toEqual(planIds)
        expect(pulled.person.map((p) => p.name)).toContain(person.name)
        // Every record pulled is one of this organisation's rows, in whichever table holds it.
        for (const type of entityTypes.filter((t) => t !== 'organisation')) {
          const ids = pulled[type].map((record) => (record as { id: string }).id)
          if (!ids.length) continue
          const own = await app.db.query<{ n: number }>(
            `select count(*)::int as n from ${tableOf[type]} where org_id = $1 and id = any($2::uuid[])`,
            [orgId, ids],
          )
          expect(own[0]!.n, `${person.email}: ${type}`).toBe(ids.length)
        }
      }
    }
  })

  it('gives Achieving for Children both its plans, the framework superseded by the business plan', async () => {
    const {
      plan: plans,
      organisation,
      value: values,
      theme: themes,
      action: actions,
      measure: measures,
    } = await pullAs('viewer@demo.local')
    const framework = plans.find((p) => p.kind === 'framework')!
    const businessPlan = plans.find((p) => p.kind === 'business-plan')!
    expect(framework).toMatchObject({ title: 'Framework for the Business Plan, 2019 to 2024', status: 'superseded' })
    expect(businessPlan).toMatchObject({
      title: 'Achieving more for Children',
      status: 'approved',
      succeedsPlanId: framework.id,
    })
    expect(organisation[0]!.vision).toMatch(/^Our vision is to provide children and their families/)
    expect(values.map((v) => v.name)).toEqual(['Trust', 'Respect', 'Empower'])
    expect(organisation[0]!.howWeWork).toHaveLength(7)
    const priorities = themes.filter((t) => t.planId === businessPlan.id).sort((a, b) => a.position - b.position)
    expect(priorities.map((t) => t.title)).toEqual([
      'Stronger families',
      'Positive futures',
      'Excellent workforce',
      'Financial stability',
      'Commercial success',
      'Smarter working',
    ])
    for (const theme of priorities)
      expect(
        [theme.outcome?.length, theme.rationale?.length].every((n) => n! > 50),
        theme.title,
      ).toBe(true)
    const projects = actions.filter((a) => a.planId === businessPlan.id)
    expect(projects).toHaveLength(47)
    for (const action of projects) {
      expect(action.leads.length, action.code!).toBeGreaterThan(0)
      expect(action.successMeasure, action.code!).toBeTruthy()
      expect(action.yearMilestone, action.code!).toBeTruthy()
    }
    expect(actions.filter((a) => a.planId === framework.id)).toHaveLength(40)
    const trust = measures.find((m) => /trust, respect and empowerment/i.test(m.title))
    expect(trust?.targets.map((t) => t.value)).toEqual([60, 75])
  })

  it('keeps the delivery demo and surveys for Achieving for Children, and the other plans start untouched', async () => {
    const afc = await pullAs('manager@demo.local')
    const led = afc.action.filter(
      (a) => a.leadTeamId === afc.team.find((t) => t.name === 'Kingston Children with Disabilities Team')!.id,
    )
    expect(led.map((a) => a.code).sort()).toEqual(['K8', 'K9'])
    expect(afc.milestone.map((m) => m.title)).toContain('A revised transitions protocol has been agreed')
    for (const type of ['progressUpdate', 'evidence', 'assignment', 'history', 'survey'] as const)
      expect(afc[type].length, type).toBeGreaterThan(0)
    expect(new Set(afc.team.map((t) => afc.area.find((a) => a.id === t.areaId)!.name))).toEqual(
      new Set(['Whole organisation', 'Kingston', 'Richmond', 'Windsor and Maidenhead']),
    )
    expect(new Set(afc.team.map((t) => t.service)).size).toBeGreaterThanOrEqual(4)
    for (const email of [
      'practitioner@rbwm.demo.local',
      'admin@kirklees.demo.local',
      'practitioner@greenwich.demo.local',
    ]) {
      const theirs = await pullAs(email)
      for (const type of ['progressUpdate', 'evidence', 'assignment', 'survey'] as const)
        expect(theirs[type], `${email}: ${type}`).toEqual([])
      // Only the demo's monitoring figures, which RBWM and Greenwich have.
      expect(theirs.history.filter((h) => !['measure.actual', 'risk.assess'].includes(h.change))).toEqual([])
      expect(theirs.team.length, email).toBeGreaterThan(0)
      expect(theirs.action.every((a) => a.status === 'not-started')).toBe(true)
    }
  })

  it('gives AfC’s and Greenwich’s measures and RBWM’s risks the last two completed quarters’ figures, marked as demo', async () => {
    const last = quarterBefore(quarterOf(new Date()))
    const quarters = [quarterBefore(last), last]
    const current = (pulled: Pulled) => new Set(pulled.plan.filter((p) => p.status === 'approved').map((p) => p.id))
    for (const email of ['viewer@demo.local', 'practitioner@greenwich.demo.local']) {
      const pulled = await pullAs(email)
      const measures = pulled.measure.filter((m) => current(pulled).has(m.planId))
      expect(measures.length, email).toBeGreaterThanOrEqual(3)
      for (const measure of measures) {
        const recent = measure.actuals.slice(-2)
        expect(
          recent.map((a) => a.period),
          measure.title,
        ).toEqual(quarters)
        for (const actual of recent) {
          expect(actual.note).toMatch(/^Demo figure/)
          expect(quarterOf(actual.recordedAt!)).toBe(actual.period)
        }
      }
    }
    const rbwm = await pullAs('practitioner@rbwm.demo.local')
    expect(rbwm.risk).toHaveLength(4)
    for (const risk of rbwm.risk) {
      expect(
        risk.assessments.map((a) => a.quarter),
        risk.description,
      ).toEqual(quarters)
      for (const assessment of risk.assessments) expect(assessment.note).toMatch(/^Demo rating, made up/)
      const latest = risk.assessments.at(-1)!
      expect([risk.likelihood, risk.impact, risk.residualLikelihood, risk.residualImpact]).toEqual([
        latest.likelihood,
        latest.impact,
        latest.residualLikelihood,
        latest.residualImpact,
      ])
    }
    // Movement shows: some risk's score changed between the two quarters.
    const score = (a: { likelihood: number; impact: number }) => a.likelihood * a.impact
    expect(rbwm.risk.some((r) => score(r.assessments[0]!) !== score(r.assessments[1]!))).toBe(true)
  })

  it('gives every record of an organisation a distinct version', async () => {
    const rows = await app.db.query<{ org_id: string; version: number }>(
      `select org_id, version from actions union all select org_id, version from themes union all select org_id, version from people
       union all select org_id, version from teams union all select org_id, version from org_values union all select org_id, version from areas
       union all select org_id, version from plans union all select org_id, version from milestones union all select org_id, version from sections
       union all select org_id, version from recommendations union all select org_id, version from outcomes union all select org_id, version from risks
       union all select org_id, version from measures`,
    )
    const keys = rows.map((r) => `${r.org_id} ${r.version}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
