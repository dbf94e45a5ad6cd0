import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import {
  change,
  count,
  demoIds,
  demoMilestones,
  evidenceNote,
  progress,
  pullInject,
  pushInject,
  writeFingerprint,
  type DemoIds,
} from '../support/push-fixture'
import { maxPushBatch } from '../../src/shared/sync/mutations'

const hoursAgo = (hours: number, base = Date.now()) => new Date(base - hours * 3600_000).toISOString()
/** Yesterday at hh:00 UTC: in the past, and later than anything the demo set. */
const yesterdayAt = (hour: number) => {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - 1, hour)).toISOString()
}

describe.each(backends)('push on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  const cookies: Record<'practitioner' | 'manager' | 'admin' | 'viewer', string> = {
    practitioner: '',
    manager: '',
    admin: '',
    viewer: '',
  }
  const push = (who: keyof typeof cookies, mutations: unknown[]) => pushInject(server.app, cookies[who], { mutations })

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    for (const who of Object.keys(cookies) as (keyof typeof cookies)[])
      cookies[who] = await server.signIn(`${who}@demo.local`)
  })
  afterAll(() => server.close())

  it('applies a progress update once: the row, a history entry with who, which device and when, and it arrives in a pull', async () => {
    const { checkpoint } = await pullInject(server.app, cookies.practitioner)
    const data = progress(ids.action('K9'), 'amber', 'Waiting for adult social care to sign off the protocol.')
    const madeAt = hoursAgo(2)
    const before = Date.now()
    const { statusCode, results } = await push('practitioner', [
      change('progress.post', data, { madeAt, deviceId: 'ipad-7' }),
    ])
    const after = Date.now()
    expect(statusCode).toBe(200)
    expect(results).toEqual([{ id: expect.any(String), outcome: 'applied' }])

    const rows = await server.db.query<{
      action_id: string
      rag: string
      commentary: string
      author_id: string
      made_at: string
      received_at: string
    }>('select * from progress_updates where id = $1', [data.id])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      action_id: ids.action('K9'),
      rag: 'amber',
      commentary: data.commentary,
      author_id: ids.person.practitioner,
    })
    expect(Date.parse(rows[0]!.made_at)).toBe(Date.parse(madeAt))

    const history = await server.db.query<{
      person_id: string
      device_id: string
      mutation_id: string
      made_at: string
      received_at: string
      outcome: string
      change: string
      entity_id: string
    }>('select * from history where mutation_id = $1', [results[0]!.id])
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({
      person_id: ids.person.practitioner,
      device_id: 'ipad-7',
      outcome: 'applied',
      change: 'progress.post',
      entity_id: data.id,
    })
    expect(Date.parse(history[0]!.made_at)).toBe(Date.parse(madeAt))
    const receivedAt = Date.parse(history[0]!.received_at)
    expect(receivedAt).toBeGreaterThanOrEqual(before - 1)
    expect(receivedAt).toBeLessThanOrEqual(after + 1)

    const pulled = await pullInject(server.app, cookies.manager, checkpoint)
    const update = pulled.changes.find((c) => c.type === 'progressUpdate' && c.op === 'put' && c.data.id === data.id)
    expect(update).toMatchObject({
      data: { rag: 'amber', commentary: data.commentary, authorId: ids.person.practitioner },
    })
    const entry = pulled.changes.find(
      (c) => c.type === 'history' && c.op === 'put' && c.data.mutationId === results[0]!.id,
    )
    expect(entry).toMatchObject({ data: { personId: ids.person.practitioner, deviceId: 'ipad-7', outcome: 'applied' } })
  })

  it('answers a duplicate delivery from the record, marked repeated, and writes nothing more', async () => {
    const mutations = [
      change('progress.post', progress(ids.action('K9'))),
      change('evidence.add', evidenceNote(ids.action('K9'), 'Signed attendance sheet from the panel.')),
    ]
    const first = await push('practitioner', mutations)
    expect(first.results.map((r) => [r.outcome, r.repeated])).toEqual([
      ['applied', undefined],
      ['applied', undefined],
    ])
    const written = await writeFingerprint(server.db)

    const again = await push('practitioner', mutations)
    expect(again.statusCode).toBe(200)
    expect(again.results).toEqual(mutations.map((m) => ({ id: m.id, outcome: 'applied', repeated: true })))
    expect(await writeFingerprint(server.db)).toEqual(written)
    expect(
      await count(server.db, 'select count(*) as n from progress_updates where id = $1', [mutations[0]!.data.id]),
    ).toBe(1)
    expect(await count(server.db, 'select count(*) as n from evidence where id = $1', [mutations[1]!.data.id])).toBe(1)
  })

  it('applies a mutation that appears twice in one batch only once', async () => {
    const mutation = change('progress.post', progress(ids.action('K9')))
    const { results } = await push('practitioner', [mutation, mutation])
    expect(results).toEqual([{ id: mutation.id, outcome: 'applied' }])
    expect(await count(server.db, 'select count(*) as n from history where mutation_id = $1', [mutation.id])).toBe(1)
  })

  it('refuses only the invalid mutations of a batch, each with a reason, and applies the rest', async () => {
    const good1 = change('progress.post', progress(ids.action('K9'), 'green', 'On track.'))
    const shortAmber = change('progress.post', progress(ids.action('K9'), 'amber', 'abc'))
    const unknownKind = change('progress.delete', { id: randomUUID() })
    const noAction = change('progress.post', progress(randomUUID()))
    const good2 = change('evidence.add', evidenceNote(ids.action('K9')))
    const before = await writeFingerprint(server.db)
    const { statusCode, results } = await push('practitioner', [good1, shortAmber, unknownKind, noAction, good2])
    expect(statusCode).toBe(200)
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      [good1.id, 'applied'],
      [shortAmber.id, 'refused'],
      [unknownKind.id, 'refused'],
      [noAction.id, 'refused'],
      [good2.id, 'applied'],
    ])
    expect(results[1]!.reason).toMatch(/Amber and red need a commentary.*at least 10 characters/)
    expect(results[2]!.reason).toMatch(/progress\.post/)
    expect(results[3]!.reason).toMatch(/not in your organisation/)
    for (const refused of [shortAmber, unknownKind, noAction]) {
      expect(await count(server.db, 'select count(*) as n from applied_mutations where id = $1', [refused.id])).toBe(0)
      expect(await count(server.db, 'select count(*) as n from history where mutation_id = $1', [refused.id])).toBe(0)
    }
    expect(
      await count(server.db, 'select count(*) as n from progress_updates where id = $1', [shortAmber.data.id]),
    ).toBe(0)
    const after = await writeFingerprint(server.db)
    expect(after.progress).toBe(Number(before.progress) + 1)
    expect(after.evidence).toBe(Number(before.evidence) + 1)
    expect(after.history).toBe(Number(before.history) + 2)

    // A refused change is judged afresh when sent again, corrected or not.
    const retried = await push('practitioner', [shortAmber])
    expect(retried.results[0]).toMatchObject({ outcome: 'refused' })
    expect(retried.results[0]!.repeated).toBeUndefined()
  })

  // Fails today: the insert's primary-key violation aborts the whole transaction and the push answers 500
  // (see the report: src/server/mutations/decide.ts / context.ts do not check record ids).
  it('refuses, alone, a change whose record id is already taken, and applies the rest', async () => {
    const original = progress(ids.action('K9'), 'green', 'The original update, which must stay as it is.')
    expect((await push('manager', [change('progress.post', original)])).results[0]!.outcome).toBe('applied')
    const before = await writeFingerprint(server.db)

    const good = change('progress.post', progress(ids.action('K9')))
    const reused = change('progress.post', {
      ...original,
      rag: 'red',
      commentary: 'An attempt to write over the original update.',
    })
    const evidence = evidenceNote(ids.action('K9'), 'Evidence sent twice under two change ids.')
    const first = change('evidence.add', evidence)
    const twin = change('evidence.add', evidence)
    const reply = await push('manager', [good, reused, first, twin])
    expect(reply.statusCode, JSON.stringify(reply.body)).toBe(200)
    expect(reply.results.map((r) => [r.id, r.outcome])).toEqual([
      [good.id, 'applied'],
      [reused.id, 'refused'],
      [first.id, 'applied'],
      [twin.id, 'refused'],
    ])
    const [row] = await server.db.query<{ commentary: string; rag: string }>(
      'select commentary, rag from progress_updates where id = $1',
      [original.id],
    )
    expect(row).toEqual({ commentary: original.commentary, rag: 'green' })
    const after = await writeFingerprint(server.db)
    expect(after.history).toBe(Number(before.history) + 2)
  })

  it('applies a change whose ids are written in capitals once, answers under the lower-case id, and answers its resends as repeats', async () => {
    const data = progress(ids.action('K9'))
    const upper = change(
      'progress.post',
      { ...data, id: data.id.toUpperCase(), actionId: data.actionId.toUpperCase() },
      { id: randomUUID().toUpperCase() },
    )
    const id = upper.id.toLowerCase()
    const first = await push('manager', [upper])
    expect(first.results).toEqual([{ id, outcome: 'applied' }])
    expect(await count(server.db, 'select count(*) as n from progress_updates where id = $1', [data.id])).toBe(1)
    expect(await count(server.db, 'select count(*) as n from history where mutation_id = $1', [id])).toBe(1)
    const written = await writeFingerprint(server.db)

    // Sent again, in capitals and in lower case in one push: one answer, from the record.
    const again = await push('manager', [upper, { ...upper, id }])
    expect(again.results).toEqual([{ id, outcome: 'applied', repeated: true }])
    expect(await writeFingerprint(server.db)).toEqual(written)

    // The records it refers to are matched in capitals too. (A progress update, not a
    // status: a status set here would take part in the status-rule tests below.)
    const actionId = ids.action('K9')
    const update = change('progress.post', { ...progress(actionId), actionId: actionId.toUpperCase() })
    expect((await push('manager', [update])).results[0]!.outcome).toBe('applied')
    const [row] = await server.db.query<{ action_id: string }>('select action_id from progress_updates where id = $1', [
      update.data.id,
    ])
    expect(row!.action_id).toBe(actionId)
  })

  it('refuses alone, with a reason, each change carrying a value PostgreSQL would not take, and applies the rest', async () => {
    const [open] = await server.db.query<{ id: string; questions: { id: string; kind: string }[] }>(
      'select id, questions from surveys where org_id = $1 and opens_on <= current_date and closes_on >= current_date order by opens_on desc limit 1',
      [ids.orgId],
    )
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    const draft = (overrides: Record<string, unknown>) => ({
      id: randomUUID(),
      title: 'A pulse survey',
      introduction: 'Two questions.',
      questions: [
        {
          id: randomUUID(),
          kind: 'yes-no',
          key: 'priorities',
          valueId: null,
          text: "Do you know your team's priorities?",
        },
      ],
      audience: { kind: 'organisation' },
      opensOn: day(0),
      closesOn: day(7),
      minimumGroup: 5,
      measureLinks: [],
      previousSurveyId: null,
      ...overrides,
    })
    const answers = (words: string) =>
      Object.fromEntries(
        open!.questions.map((q) => [q.id, q.kind === 'free-text' ? words : q.kind === 'scale' ? 7 : 1]),
      )
    const k9 = ids.action('K9')
    const storage = /cannot be saved \(a NUL, or half of an emoji\)/
    const cases: [string, ReturnType<typeof change>, RegExp][] = [
      [
        'a NUL in a commentary',
        change('progress.post', progress(k9, 'amber', 'Waiting on\u0000 adult social care.')),
        storage,
      ],
      ['half of an emoji in a note', change('evidence.add', evidenceNote(k9, 'Photo of the board \ud83d.')), storage],
      ['a lone low surrogate in a note', change('evidence.add', evidenceNote(k9, '\udc00 Minutes.')), storage],
      ['a NUL in the device id', change('progress.post', progress(k9), { deviceId: 'ipad\u00007' }), storage],
      [
        'a clock in year 0',
        change('progress.post', progress(k9), { madeAt: '0000-01-01T00:00:00Z' }),
        /device’s clock/,
      ],
      ['a clock in 1970', change('progress.post', progress(k9), { madeAt: '1970-01-01T00:00:00Z' }), /device’s clock/],
      ['a date in year 0', change('survey.create', draft({ opensOn: '0000-01-01' })), /between 2000 and 2100/],
      ['a 30 February', change('survey.create', draft({ closesOn: '2030-02-30' })), /YYYY-MM-DD/],
      ['a NUL in a question', change('survey.create', draft({ title: 'A pulse\u0000 survey' })), storage],
      [
        'a NUL in a free-text answer',
        change('survey.submit', { surveyId: open!.id, answers: answers('More time\u0000 for visits.') }),
        storage,
      ],
    ]
    const good = [change('progress.post', progress(k9)), change('evidence.add', evidenceNote(k9))]
    const before = await writeFingerprint(server.db)
    const surveysBefore = await count(server.db, 'select count(*) as n from surveys')

    const reply = await push('admin', [good[0]!, ...cases.map(([, mutation]) => mutation), good[1]!])
    expect(reply.statusCode, JSON.stringify(reply.body)).toBe(200)
    expect(reply.results.map((r) => r.outcome)).toEqual(['applied', ...cases.map(() => 'refused'), 'applied'])
    for (const [index, [label, , reason]] of cases.entries())
      expect(reply.results[index + 1]!.reason, label).toMatch(reason)

    const after = await writeFingerprint(server.db)
    expect(after.progress).toBe(Number(before.progress) + 1)
    expect(after.evidence).toBe(Number(before.evidence) + 1)
    expect(after.history).toBe(Number(before.history) + 2)
    expect(after.applied).toBe(Number(before.applied) + 2)
    expect(await count(server.db, 'select count(*) as n from surveys')).toBe(surveysBefore)
    const answered = await server.app.inject({
      method: 'GET',
      url: '/api/surveys/answered',
      headers: { cookie: cookies.admin },
    })
    expect(answered.json().surveyIds).not.toContain(open!.id)
  })

  it('ends with every change exactly once after out-of-order retries (B, then A, then B again)', async () => {
    const milestoneId = ids.milestone(demoMilestones.protocol)
    const batchA = [
      change('progress.post', progress(ids.action('K9'), 'amber', 'Protocol draft with legal services for review.'), {
        madeAt: yesterdayAt(9),
      }),
      change(
        'status.set',
        { entity: 'milestone', entityId: milestoneId, status: 'at-risk' },
        { madeAt: yesterdayAt(9) },
      ),
      change('evidence.add', evidenceNote(ids.action('K9'), 'Email from legal services.'), { madeAt: yesterdayAt(9) }),
    ]
    const batchB = [
      change('progress.post', progress(ids.action('K9'), 'green', 'Protocol signed off by both directors.'), {
        madeAt: yesterdayAt(12),
      }),
      change(
        'status.set',
        { entity: 'milestone', entityId: milestoneId, status: 'complete' },
        { madeAt: yesterdayAt(12) },
      ),
    ]
    const b1 = await push('manager', batchB)
    expect(b1.results.map((r) => r.outcome)).toEqual(['applied', 'applied'])
    const a = await push('manager', batchA)
    expect(a.results.map((r) => r.outcome)).toEqual(['applied', 'superseded', 'applied'])
    const b2 = await push('manager', batchB)
    expect(b2.results).toEqual(batchB.map((m) => ({ id: m.id, outcome: 'applied', repeated: true })))
    const a2 = await push('manager', batchA)
    expect(a2.results.map((r) => [r.outcome, r.repeated])).toEqual([
      ['applied', true],
      ['superseded', true],
      ['applied', true],
    ])

    for (const m of [...batchA, ...batchB]) {
      expect(await count(server.db, 'select count(*) as n from history where mutation_id = $1', [m.id])).toBe(1)
      expect(await count(server.db, 'select count(*) as n from applied_mutations where id = $1', [m.id])).toBe(1)
    }
    for (const m of [batchA[0]!, batchB[0]!]) {
      expect(await count(server.db, 'select count(*) as n from progress_updates where id = $1', [m.data.id])).toBe(1)
    }
    expect(await count(server.db, 'select count(*) as n from evidence where id = $1', [batchA[2]!.data.id])).toBe(1)
    const [milestone] = await server.db.query<{ status: string; status_mutation_id: string }>(
      'select status, status_mutation_id from milestones where id = $1',
      [milestoneId],
    )
    expect(milestone).toEqual({ status: 'complete', status_mutation_id: batchB[1]!.id })
  })

  describe('two people setting one status', () => {
    // Manager at 10:00 says at risk; the admin at 11:00 says complete. The 11:00 change wins in either order.
    const scenario = (milestoneId: string) => ({
      manager: change(
        'status.set',
        { entity: 'milestone', entityId: milestoneId, status: 'at-risk' },
        { madeAt: yesterdayAt(10), deviceId: 'manager-tablet' },
      ),
      admin: change(
        'status.set',
        { entity: 'milestone', entityId: milestoneId, status: 'complete' },
        { madeAt: yesterdayAt(11), deviceId: 'admin-laptop' },
      ),
    })
    const finalState = async (milestoneId: string) => {
      const [row] = await server.db.query<{ status: string; status_set_at: string; status_set_by: string }>(
        'select status, status_set_at, status_set_by from milestones where id = $1',
        [milestoneId],
      )
      return { status: row!.status, setAt: Date.parse(row!.status_set_at), setBy: row!.status_set_by }
    }
    const historyOf = (milestoneId: string) =>
      server.db.query<{ person_id: string; outcome: string; details: { status: string } }>(
        `select person_id, outcome, details from history where entity_id = $1 and change = 'status.set' and made_at >= $2 order by made_at`,
        [milestoneId, yesterdayAt(0)],
      )

    it('gives the same result whichever arrives first, and keeps both in the history', async () => {
      const earlyFirst = ids.milestone(demoMilestones.adultPanel)
      const lateFirst = ids.milestone(demoMilestones.year10)

      const one = scenario(earlyFirst)
      expect((await push('manager', [one.manager])).results[0]).toEqual({ id: one.manager.id, outcome: 'applied' })
      expect((await push('admin', [one.admin])).results[0]).toEqual({ id: one.admin.id, outcome: 'applied' })

      const two = scenario(lateFirst)
      expect((await push('admin', [two.admin])).results[0]).toEqual({ id: two.admin.id, outcome: 'applied' })
      const loser = (await push('manager', [two.manager])).results[0]!
      expect(loser.outcome).toBe('superseded')
      expect(loser.reason).toMatch(/more recently/)

      const expected = { status: 'complete', setAt: Date.parse(yesterdayAt(11)), setBy: ids.person.admin }
      expect(await finalState(earlyFirst)).toEqual(expected)
      expect(await finalState(lateFirst)).toEqual(expected)

      // The manager's change was applied when it arrived, and marked superseded once overtaken.
      expect(await historyOf(earlyFirst)).toEqual([
        {
          person_id: ids.person.manager,
          outcome: 'superseded',
          details: expect.objectContaining({ status: 'at-risk' }),
        },
        { person_id: ids.person.admin, outcome: 'applied', details: expect.objectContaining({ status: 'complete' }) },
      ])
      expect(await historyOf(lateFirst)).toEqual([
        {
          person_id: ids.person.manager,
          outcome: 'superseded',
          details: expect.objectContaining({ status: 'at-risk' }),
        },
        { person_id: ids.person.admin, outcome: 'applied', details: expect.objectContaining({ status: 'complete' }) },
      ])

      // The superseded change is not lost on a retry either: it is answered from the record.
      expect((await push('manager', [two.manager])).results[0]).toMatchObject({ outcome: 'superseded', repeated: true })
    })

    it('settles equal times by the change id, the same in both orders', async () => {
      const madeAt = yesterdayAt(13)
      const [low, high] = [randomUUID(), randomUUID()].sort()
      const entityId = ids.action('K8')
      const managerChange = change(
        'status.set',
        { entity: 'action', entityId, status: 'at-risk' },
        { id: high, madeAt },
      )
      const adminChange = change('status.set', { entity: 'action', entityId, status: 'complete' }, { id: low, madeAt })
      expect((await push('admin', [adminChange])).results[0]!.outcome).toBe('applied')
      expect((await push('manager', [managerChange])).results[0]!.outcome).toBe('applied')
      const [action] = await server.db.query<{ status: string; status_mutation_id: string }>(
        'select status, status_mutation_id from actions where id = $1',
        [entityId],
      )
      expect(action).toEqual({ status: 'at-risk', status_mutation_id: high })

      // The other order, on another action of the manager's team (K9).
      const k9 = ids.action('K9')
      const madeAt2 = yesterdayAt(14)
      const [low2, high2] = [randomUUID(), randomUUID()].sort()
      expect(
        (
          await push('manager', [
            change('status.set', { entity: 'action', entityId: k9, status: 'at-risk' }, { id: high2, madeAt: madeAt2 }),
          ])
        ).results[0]!.outcome,
      ).toBe('applied')
      const late = (
        await push('admin', [
          change('status.set', { entity: 'action', entityId: k9, status: 'complete' }, { id: low2, madeAt: madeAt2 }),
        ])
      ).results[0]!
      expect(late.outcome).toBe('superseded')
      const [k9Row] = await server.db.query<{ status: string; status_mutation_id: string }>(
        'select status, status_mutation_id from actions where id = $1',
        [k9],
      )
      expect(k9Row).toEqual({ status: 'at-risk', status_mutation_id: high2 })
    })
  })

  it('caps a madeAt in the future at the time the server received it', async () => {
    const future = new Date(Date.now() + 365 * 24 * 3600_000).toISOString()
    const update = change('progress.post', progress(ids.action('K9')), { madeAt: future })
    const milestoneId = ids.milestone(demoMilestones.protocol)
    const claim = change(
      'status.set',
      { entity: 'milestone', entityId: milestoneId, status: 'off-track' },
      { madeAt: future },
    )
    const before = Date.now()
    const { results } = await push('admin', [update, claim])
    const after = Date.now()
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied'])

    const [row] = await server.db.query<{ made_at: string; received_at: string }>(
      'select made_at, received_at from progress_updates where id = $1',
      [update.data.id],
    )
    expect(Date.parse(row!.made_at)).toBe(Date.parse(row!.received_at))
    expect(Date.parse(row!.made_at)).toBeLessThanOrEqual(after + 1)
    expect(Date.parse(row!.made_at)).toBeGreaterThanOrEqual(before - 1)
    const history = await server.db.query<{ made_at: string; received_at: string }>(
      'select made_at, received_at from history where mutation_id = any($1::uuid[])',
      [[update.id, claim.id]],
    )
    expect(history).toHaveLength(2)
    for (const h of history) expect(Date.parse(h.made_at)).toBe(Date.parse(h.received_at))
    const [milestone] = await server.db.query<{ status_set_at: string }>(
      'select status_set_at from milestones where id = $1',
      [milestoneId],
    )
    expect(Date.parse(milestone!.status_set_at)).toBeLessThanOrEqual(after + 1)

    // So a device with a wrong clock cannot pin a status: a real later change still wins.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const later = await push('manager', [
      change('status.set', { entity: 'milestone', entityId: milestoneId, status: 'on-track' }),
    ])
    expect(later.results[0]!.outcome).toBe('applied')
    const [now] = await server.db.query<{ status: string }>('select status from milestones where id = $1', [
      milestoneId,
    ])
    expect(now!.status).toBe('on-track')
  })

  it('applies a mutation sent in several requests at once exactly once', async () => {
    const mutations = [
      change('progress.post', progress(ids.action('K9'))),
      change('status.set', {
        entity: 'milestone',
        entityId: ids.milestone(demoMilestones.protocol),
        status: 'at-risk',
      }),
      change('evidence.add', evidenceNote(ids.action('K9'))),
    ]
    const replies = await Promise.all(Array.from({ length: 4 }, () => push('manager', mutations)))
    for (const reply of replies) expect(reply.statusCode).toBe(200)
    for (const [index, m] of mutations.entries()) {
      const outcomes = replies.map((r) => r.results[index]!)
      expect(outcomes.every((o) => o.id === m.id && o.outcome === 'applied')).toBe(true)
      expect(outcomes.filter((o) => !o.repeated)).toHaveLength(1)
      expect(await count(server.db, 'select count(*) as n from history where mutation_id = $1', [m.id])).toBe(1)
    }
    expect(
      await count(server.db, 'select count(*) as n from progress_updates where id = $1', [mutations[0]!.data.id]),
    ).toBe(1)
    expect(await count(server.db, 'select count(*) as n from evidence where id = $1', [mutations[2]!.data.id])).toBe(1)
  })

  describe('refuses a malformed push outright and writes nothing', () => {
    const valid = () => change('progress.post', progress(ids.action('K9')))
    const bodies: [string, () => unknown][] = [
      ['an array', () => [valid()]],
      ['an empty object', () => ({})],
      ['mutations that are not a list', () => ({ mutations: valid() })],
      ['an empty list', () => ({ mutations: [] })],
      [`more than ${maxPushBatch} mutations`, () => ({ mutations: Array.from({ length: maxPushBatch + 1 }, valid) })],
      ['an id that is not a UUID', () => ({ mutations: [valid(), { ...valid(), id: 'change-1' }] })],
      ['a mutation with no id', () => ({ mutations: [valid(), { ...valid(), id: undefined }] })],
      ['a mutation that is not an object', () => ({ mutations: [valid(), 'progress.post'] })],
    ]
    it.each(bodies)('%s → 400', async (_label, body) => {
      const before = await writeFingerprint(server.db)
      const reply = await pushInject(server.app, cookies.manager, body())
      expect(reply.statusCode).toBe(400)
      expect((reply.body.error as { code: string }).code).toBe('invalid_input')
      expect(await writeFingerprint(server.db)).toEqual(before)
    })

    it(`takes exactly ${maxPushBatch} mutations`, async () => {
      const mutations = Array.from({ length: maxPushBatch }, valid)
      const reply = await pushInject(server.app, cookies.manager, { mutations })
      expect(reply.statusCode).toBe(200)
      expect(reply.results.filter((r) => r.outcome === 'applied')).toHaveLength(maxPushBatch)
    })
  })

  it("refuses a viewer's push with 403 and writes nothing", async () => {
    const before = await writeFingerprint(server.db)
    const reply = await push('viewer', [change('progress.post', progress(ids.action('K9')))])
    expect(reply.statusCode).toBe(403)
    expect((reply.body.error as { code: string }).code).toBe('read_only')
    expect(await writeFingerprint(server.db)).toEqual(before)
  })
})
