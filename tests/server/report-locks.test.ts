import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { addOtherOrganisation, otherAccount } from '../support/other-organisation'
import { change, count, demoIds, pullInject, pushInject, progress, type DemoIds } from '../support/push-fixture'
import { storedQuarterlyReport } from '../../src/server/monitoring/monitoring-records'
import { quarterlyReportSchema } from '../../src/shared/monitoring/quarterly-report-schema'
import { planSchema } from '../../src/shared/entities'
import { rowToRecord } from '../../src/server/db/tables'
import type { ReportLock } from '../../src/shared/monitoring/report-locks'
import { quarterOf } from '../../src/shared/sync/quarter'

// Locking a plan's quarter (monitoring/lock-quarter.ts, routes/report-locks.ts).
describe.each(backends)('locking a quarter’s report, on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  const cookies: Record<string, string> = {}
  let planId: string
  const quarter = quarterOf(new Date())

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    await addOtherOrganisation(server.db, 'admin')
    for (const role of ['practitioner', 'manager', 'admin', 'viewer'])
      cookies[role] = await server.signIn(`${role}@demo.local`)
    cookies.other = await server.signIn(otherAccount.email, otherAccount.password)
    const [plan] = await server.db.query<{ id: string }>(
      `select p.id from plans p where org_id = $1 and status = 'approved'
        order by (select count(*) from actions a where a.plan_id = p.id) desc limit 1`,
      [ids.orgId],
    )
    planId = plan!.id
  })
  afterAll(() => server.close())

  const lock = (cookie: string | undefined, body: unknown, id = planId) =>
    server.app.inject({
      method: 'POST',
      url: `/api/plans/${id}/quarters/lock`,
      headers: cookie ? { cookie } : {},
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    })
  const stored = () =>
    server.db.query<{ report: unknown; version: string | number }>(
      'select report, version from report_locks where plan_id = $1 order by quarter',
      [planId],
    )
  const changeNumbers = () => count(server.db, 'select coalesce(sum(change_seq), 0) as n from organisations')
  /** The report as the server's records would make it now. */
  async function reportNow() {
    const [row] = await server.db.query<{ data: Record<string, unknown> }>(
      'select to_jsonb(p) as data from plans p where id = $1',
      [planId],
    )
    const plan = planSchema.parse(rowToRecord(row!.data))
    const today = new Date().toISOString().slice(0, 10)
    return JSON.parse(JSON.stringify(await storedQuarterlyReport(server.db, ids.orgId, plan, quarter, today)))
  }

  it('refuses anyone but a plan admin of the plan’s organisation, and bad bodies, writing nothing', async () => {
    const before = await changeNumbers()
    for (const role of ['practitioner', 'manager', 'viewer']) {
      const reply = await lock(cookies[role], { quarter })
      expect(reply.statusCode, role).toBe(403)
      expect(reply.json().error.message).toBe('Only a plan admin can lock a quarter’s report.')
    }
    expect((await lock(undefined, { quarter })).statusCode).toBe(401)
    const other = await lock(cookies.other, { quarter })
    expect(other.statusCode).toBe(404)
    expect(other.json().error.message).toBe('This plan is not in your organisation’s plans.')

    const bad: [unknown, RegExp][] = [
      [undefined, /Send the quarter to lock/],
      [{}, /quarter/],
      [{ quarter: 'Q3' }, /like 2026\/27 Q3/],
      [{ quarter: '2026/28 Q3' }, /runs into the next year/],
      [{ quarter: '2026/27 Q5' }, /like 2026\/27 Q3/],
      [{ quarter, extra: true }, /extra/],
    ]
    for (const [body, message] of bad) {
      const reply = await lock(cookies.admin, body)
      expect(reply.statusCode, JSON.stringify(body)).toBe(400)
      expect(reply.json().error.message).toMatch(message)
    }
    expect((await lock(cookies.admin, { quarter }, 'not-a-plan')).statusCode).toBe(400)
    const future = await lock(cookies.admin, { quarter: '2099/00 Q1' })
    expect(future.statusCode).toBe(409)
    expect(future.json().error.message).toMatch(/has not started yet/)

    expect(await stored()).toEqual([])
    expect(await changeNumbers()).toBe(before)
  })

  it('keeps the report as locked: once only, on every device, unchanged by later edits', async () => {
    const admin = await lock(cookies.admin, { quarter })
    expect(admin.statusCode, admin.body).toBe(201)
    const locked = admin.json() as ReportLock
    expect(locked).toMatchObject({ planId, quarter, lockedBy: ids.person.admin })
    const report = quarterlyReportSchema.parse(locked.report)
    expect(locked.report).toEqual(await reportNow())
    const [row] = await stored()
    expect(row!.report).toEqual(locked.report)

    const again = await lock(cookies.admin, { quarter })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toMatch(
      new RegExp(`^${quarter.replace('/', '\\/')} of this plan was locked by `),
    )
    expect(await stored()).toHaveLength(1)

    // A practitioner's device receives it in its pull, with the report whole.
    const pulled: ReportLock[] = []
    for (let since = 0, hasMore = true; hasMore;) {
      const page = await pullInject(server.app, cookies.practitioner!, since)
      for (const c of page.changes) if (c.op === 'put' && c.type === 'reportLock') pulled.push(c.data as ReportLock)
      ;({ checkpoint: since, hasMore } = page)
    }
    expect(pulled).toHaveLength(1)
    expect(pulled[0]).toMatchObject({ id: locked.id, planId, quarter, lockedBy: ids.person.admin })
    expect(pulled[0]!.report).toEqual(locked.report)

    // A red update on a project after the lock: the figures now differ, the locked report does not.
    const [action] = await server.db.query<{ id: string }>(
      'select id from actions where plan_id = $1 and archived_at is null order by id limit 1',
      [planId],
    )
    const late = await pushInject(server.app, cookies.admin, {
      mutations: [
        change('progress.post', progress(action!.id, 'red', 'Recruitment has stalled since the report was issued.')),
      ],
    })
    expect(late.results[0]!.outcome, late.results[0]!.reason).toBe('applied')
    expect(await reportNow()).not.toEqual(locked.report)
    const [after] = await stored()
    expect(after!.report).toEqual(locked.report)
    expect(quarterlyReportSchema.parse(after!.report)).toEqual(report)
  })
})
