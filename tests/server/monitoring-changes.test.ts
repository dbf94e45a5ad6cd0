import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { change, demoIds, pushInject, type DemoIds, madeAtClock, firstApprovedPlanId } from '../support/push-fixture'

// A measure's figures and a risk's ratings recorded in the app: src/shared/changes/kinds/measure-actual.ts, risk-assess.ts.
describe.each(backends)('recording a measure’s figures, on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  let admin: string
  let practitioner: string
  let measureId: string
  const later = madeAtClock()

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    admin = await server.signIn('admin@demo.local')
    practitioner = await server.signIn('practitioner@demo.local')
    const planId = await firstApprovedPlanId(server.db, ids.orgId)
    const [measure] = await server.db.query<{ id: string }>('select id from measures where plan_id = $1 limit 1', [
      planId,
    ])
    measureId = measure!.id
    // A target to be judged against: 80, higher is better, amber within 10%.
    await pushInject(server.app, admin, {
      mutations: [
        change('record.edit', {
          type: 'measure',
          id: measureId,
          fields: { targets: [{ value: 80, by: '2099-03-31' }], direction: 'higher-is-better', tolerancePercent: 10 },
        }),
      ],
    })
  })
  afterAll(() => server.close())

  // Periods of years to come: the demo records the last two quarters' figures itself (src/server/demo/monitoring.json).
  const figure = (data: Record<string, unknown>, madeAt = later()) =>
    change('measure.actual', { measureId, ...data }, { madeAt })
  const actuals = async () =>
    (
      await server.db.query<{ actuals: { period: string; value: number; recordedBy?: string }[] }>(
        'select actuals from measures where id = $1',
        [measureId],
      )
    )[0]!.actuals

  it('only its owner and plan admins record figures; others are refused with the reason, viewers cannot push', async () => {
    const before = await actuals()
    const refused = await pushInject(server.app, practitioner, {
      mutations: [figure({ period: '2030/31 Q1', value: 81 })],
    })
    expect(refused.results[0]).toMatchObject({
      outcome: 'refused',
      reason: 'Only the measure’s owner or a plan admin can record its figures.',
    })
    const manager = await server.signIn('manager@demo.local')
    expect(
      (await pushInject(server.app, manager, { mutations: [figure({ period: '2030/31 Q1', value: 81 })] })).results[0]!
        .outcome,
    ).toBe('refused')
    const viewer = await server.signIn('viewer@demo.local')
    expect(
      (await pushInject(server.app, viewer, { mutations: [figure({ period: '2030/31 Q1', value: 81 })] })).statusCode,
    ).toBe(403)
    expect(await actuals()).toEqual(before)

    // Made the owner by a plan admin's edit, the practitioner may.
    await pushInject(server.app, admin, {
      mutations: [
        change('record.edit', { type: 'measure', id: measureId, fields: { ownerPersonId: ids.person.practitioner } }),
      ],
    })
    const owned = await pushInject(server.app, practitioner, {
      mutations: [figure({ period: '2030/31 Q1', value: 81, source: 'Case management system' })],
    })
    expect(owned.results[0]!.outcome).toBe('applied')
    expect((await actuals()).at(-1)).toMatchObject({
      period: '2030/31 Q1',
      value: 81,
      source: 'Case management system',
      recordedBy: ids.person.practitioner,
    })
  })

  it('a red figure needs a note saying what is being done; amber and green do not', async () => {
    const red = await pushInject(server.app, admin, { mutations: [figure({ period: '2030/31 Q2', value: 60 })] })
    expect(red.results[0]!.reason).toBe(
      'This figure is red against its target of 80: add a note saying what is being done about it.',
    )
    expect((await actuals()).some((a) => a.period === '2030/31 Q2')).toBe(false)
    const amber = await pushInject(server.app, admin, { mutations: [figure({ period: '2030/31 Q2', value: 72 })] })
    expect(amber.results[0]!.outcome).toBe('applied')
    const noted = await pushInject(server.app, admin, {
      mutations: [figure({ period: '2030/31 Q3', value: 60, note: 'Two agency workers start in January.' })],
    })
    expect(noted.results[0]!.outcome).toBe('applied')
  })

  it('a period recorded again is corrected in place; of two corrections the more recently made stands', async () => {
    const newer = later()
    const older = new Date(Date.parse(newer) - 60_000).toISOString()
    await pushInject(server.app, admin, { mutations: [figure({ period: '2030/31 Q2', value: 79 }, newer)] })
    const stale = await pushInject(server.app, admin, {
      mutations: [figure({ period: '2030/31 Q2', value: 75 }, older)],
    })
    expect(stale.results[0]).toMatchObject({
      outcome: 'superseded',
      reason: 'A more recent figure for this period stands.',
    })
    const periods = (await actuals()).filter((a) => a.period.startsWith('2030/31'))
    expect(periods.map((a) => [a.period, a.value])).toEqual([
      ['2030/31 Q1', 81],
      ['2030/31 Q2', 79],
      ['2030/31 Q3', 60],
    ])
    const history = await server.db.query<{ outcome: string }>(
      // The demo's own figures for this measure are in earlier periods.
      `select outcome from history where entity_id = $1 and change = 'measure.actual' and details->>'period' like '2030/31%' order by version`,
      [measureId],
    )
    expect(history.map((h) => h.outcome)).toEqual(['applied', 'applied', 'applied', 'applied', 'superseded'])
  })

  it('an archived measure takes no figures until restored', async () => {
    await pushInject(server.app, admin, {
      mutations: [change('record.archive', { type: 'measure', id: measureId, archived: true })],
    })
    const refused = await pushInject(server.app, admin, { mutations: [figure({ period: '2027/28 Q1', value: 90 })] })
    expect(refused.results[0]!.reason).toBe('This measure is archived. Restore it to record its figures.')
    await pushInject(server.app, admin, {
      mutations: [change('record.archive', { type: 'measure', id: measureId, archived: false })],
    })
  })

  describe('rating a risk', () => {
    let riskId: string
    const rate = (data: Record<string, unknown>, madeAt = later()) =>
      change('risk.assess', { riskId, residualLikelihood: null, residualImpact: null, ...data }, { madeAt })
    const stored = async () =>
      (
        await server.db.query<Record<string, unknown> & { assessments: { quarter: string; likelihood: number }[] }>(
          'select likelihood, impact, residual_likelihood, residual_impact, assessments from risks where id = $1',
          [riskId],
        )
      )[0]!

    beforeAll(async () => {
      const planId = await firstApprovedPlanId(server.db, ids.orgId)
      riskId = randomUUID()
      await pushInject(server.app, admin, {
        mutations: [
          change('record.create', {
            type: 'risk',
            id: riskId,
            fields: { planId, description: 'Caseloads above the agreed maximum', position: 50 },
          }),
        ],
      })
    })

    it('an admin rates it, inherent and residual; the rating is its current one and is kept by quarter', async () => {
      const reply = await pushInject(server.app, admin, {
        mutations: [rate({ likelihood: 4, impact: 4, residualLikelihood: 3, residualImpact: 3, note: 'Agency cover' })],
      })
      expect(reply.results[0]!.outcome).toBe('applied')
      const risk = await stored()
      expect(risk).toMatchObject({ likelihood: 4, impact: 4, residual_likelihood: 3, residual_impact: 3 })
      expect(risk.assessments).toHaveLength(1)
      // Rated again this quarter: that quarter's rating is replaced, not added to.
      await pushInject(server.app, admin, { mutations: [rate({ likelihood: 5, impact: 4 })] })
      expect((await stored()).assessments.map((a) => a.likelihood)).toEqual([5])
    })

    it('refuses ratings off the scale, half a residual rating, and anyone who does not rate it', async () => {
      const before = await stored()
      const bad = await pushInject(server.app, admin, {
        mutations: [rate({ likelihood: 6, impact: 2 }), rate({ likelihood: 2, impact: 2, residualLikelihood: 1 })],
      })
      expect(bad.results.map((r) => r.outcome)).toEqual(['refused', 'refused'])
      expect(bad.results[0]!.reason).toContain('Rate it from 1 to 5.')
      expect(bad.results[1]!.reason).toContain('Give both the residual likelihood and impact, or neither.')
      const refused = await pushInject(server.app, practitioner, { mutations: [rate({ likelihood: 1, impact: 1 })] })
      expect(refused.results[0]!.reason).toBe('Only the person who rates this risk or a plan admin can rate it.')
      expect(await stored()).toEqual(before)
    })

    it('is not rated by a plan edit: the ratings are not among the fields an edit may set', async () => {
      const reply = await pushInject(server.app, admin, {
        mutations: [change('record.edit', { type: 'risk', id: riskId, fields: { likelihood: 1 } })],
      })
      expect(reply.results[0]!.outcome).toBe('refused')
    })
  })
})
