import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { change, demoIds, pullInject, pushInject, type DemoIds, madeAtClock } from '../support/push-fixture'

// Reminders from a plan admin and sign-off of complete work: src/shared/changes/kinds/reminder-send.ts,
// reminder-dismiss.ts, signoff-give.ts and the sign-off part of status-set.ts.
describe.each(backends)('reminders and sign-off, on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  const cookie: Record<'admin' | 'manager' | 'practitioner' | 'viewer', string> = {
    admin: '',
    manager: '',
    practitioner: '',
    viewer: '',
  }
  const later = madeAtClock()
  const push = (who: keyof typeof cookie, kind: string, data: Record<string, unknown>) =>
    pushInject(server.app, cookie[who], { mutations: [change(kind, data, { madeAt: later() })] })
  const checkpoint = async () =>
    Number(
      (
        await server.db.query<{ seq: string }>('select change_seq as seq from organisations where id = $1', [ids.orgId])
      )[0]!.seq,
    )

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    for (const who of ['admin', 'manager', 'practitioner', 'viewer'] as const)
      cookie[who] = await server.signIn(`${who}@demo.local`)
  })
  afterAll(() => server.close())

  describe('reminders', () => {
    const reminder = (personId: string, message: string | null = 'Please add this quarter’s update.') => ({
      id: randomUUID(),
      personId,
      message,
      actionIds: [ids.action('K9')],
      milestoneIds: [],
    })
    const stored = (id: string) =>
      server.db.query<{ person_id: string; sent_by: string; message: string | null; dismissed_at: string | null }>(
        'select person_id, sent_by, message, dismissed_at from reminders where id = $1',
        [id],
      )

    it('only a plan admin sends one; practitioners and managers are refused with the reason, viewers cannot push', async () => {
      for (const who of ['practitioner', 'manager'] as const) {
        const data = reminder(ids.person.practitioner)
        const reply = await push(who, 'reminder.send', data)
        expect(reply.results[0]).toMatchObject({ outcome: 'refused', reason: 'Only a plan admin can send reminders.' })
        expect(await stored(data.id)).toEqual([])
      }
      const viewer = await push('viewer', 'reminder.send', reminder(ids.person.practitioner))
      expect(viewer.statusCode).toBe(403)
      expect(JSON.stringify(viewer.body)).toContain('Your account can read the plan but not change it.')
    })

    it('to a person of another organisation, or naming work outside it, is refused', async () => {
      const stranger = randomUUID()
      expect((await push('admin', 'reminder.send', reminder(stranger))).results[0]).toMatchObject({
        outcome: 'refused',
        reason: 'This person is not in your organisation.',
      })
      const data = { ...reminder(ids.person.practitioner), actionIds: [randomUUID()] }
      expect((await push('admin', 'reminder.send', data)).results[0]).toMatchObject({
        outcome: 'refused',
        reason: 'A reminder can name only work in your organisation’s plans.',
      })
    })

    it('reaches the person’s pull; only they dismiss it, and the message stays out of the history', async () => {
      const since = await checkpoint()
      const data = reminder(ids.person.practitioner, '  Your Q3 update, please  ')
      expect((await push('admin', 'reminder.send', data)).results[0]!.outcome).toBe('applied')
      expect(await stored(data.id)).toEqual([
        {
          person_id: ids.person.practitioner,
          sent_by: ids.person.admin,
          message: 'Your Q3 update, please',
          dismissed_at: null,
        },
      ])
      const pulled = await pullInject(server.app, cookie.practitioner, since)
      const arrived = pulled.changes.find((c) => c.type === 'reminder' && c.op === 'put')
      expect(arrived).toMatchObject({
        data: {
          id: data.id,
          personId: ids.person.practitioner,
          sentBy: ids.person.admin,
          message: 'Your Q3 update, please',
          actionIds: [ids.action('K9')],
          milestoneIds: [],
          dismissedAt: null,
        },
      })
      // Between the admin and the person reminded: a colleague's device never receives it.
      const reminderIn = async (who: keyof typeof cookie) =>
        (await pullInject(server.app, cookie[who], since)).changes.some((c) => c.type === 'reminder')
      expect(await reminderIn('manager')).toBe(false)
      expect(await reminderIn('viewer')).toBe(false)
      expect(await reminderIn('admin')).toBe(true)
      const [history] = await server.db.query<{ details: Record<string, unknown>; person_id: string }>(
        `select details, person_id from history where entity_id = $1 and change = 'reminder.send'`,
        [data.id],
      )
      expect(history).toEqual({
        details: { personId: ids.person.practitioner, actions: 1, milestones: 0 },
        person_id: ids.person.admin,
      })

      for (const who of ['manager', 'admin'] as const) {
        expect((await push(who, 'reminder.dismiss', { id: data.id })).results[0]).toMatchObject({
          outcome: 'refused',
          reason: 'Only the person reminded can dismiss this reminder.',
        })
      }
      expect((await push('viewer', 'reminder.dismiss', { id: data.id })).statusCode).toBe(403)
      expect((await stored(data.id))[0]!.dismissed_at).toBeNull()
      expect((await push('practitioner', 'reminder.dismiss', { id: data.id })).results[0]!.outcome).toBe('applied')
      expect((await stored(data.id))[0]!.dismissed_at).not.toBeNull()
      // Dismissed again from another device: nothing more happens.
      expect((await push('practitioner', 'reminder.dismiss', { id: data.id })).results[0]!.outcome).toBe('applied')
      expect((await push('practitioner', 'reminder.dismiss', { id: randomUUID() })).results[0]).toMatchObject({
        outcome: 'refused',
        reason: 'This reminder is not in your organisation.',
      })
    })
  })

  describe('sign-off', () => {
    // K9 is led by the manager's team; the practitioner is made its lead, so the manager may set its status but not sign it off.
    let k9: string
    let planId: string
    let milestoneId: string
    const work = (table: 'actions' | 'milestones', id: string) =>
      server.db
        .query<{ status: string; signed_off_by: string | null; signed_off_at: string | null }>(
          `select status, signed_off_by, signed_off_at from ${table} where id = $1`,
          [id],
        )
        .then((rows) => rows[0]!)
    const status = (who: keyof typeof cookie, entity: 'action' | 'milestone', entityId: string, value: string) =>
      push(who, 'status.set', { entity, entityId, status: value })

    beforeAll(async () => {
      k9 = ids.action('K9')
      await server.db.query('update actions set lead_person_id = $1 where id = $2', [ids.person.practitioner, k9])
      planId = (await server.db.query<{ plan_id: string }>('select plan_id from actions where id = $1', [k9]))[0]!
        .plan_id
      milestoneId = (
        await server.db.query<{ id: string }>('select id from milestones where action_id = $1 order by id limit 1', [
          k9,
        ])
      )[0]!.id
    })

    it('in a plan that does not require it, complete is just complete, and sign-off is refused', async () => {
      expect((await status('manager', 'action', k9, 'complete')).results[0]!.outcome).toBe('applied')
      expect(await work('actions', k9)).toEqual({ status: 'complete', signed_off_by: null, signed_off_at: null })
      expect((await push('practitioner', 'signoff.give', { entity: 'action', entityId: k9 })).results[0]).toMatchObject(
        {
          outcome: 'refused',
          reason: 'This plan does not ask for sign-off.',
        },
      )
      await status('manager', 'action', k9, 'on-track')
    })

    it('a plan admin requires it by editing the plan; only admins may', async () => {
      const edit = { type: 'plan', id: planId, fields: { signOffRequired: true } }
      expect((await push('manager', 'record.edit', edit)).results[0]!.outcome).toBe('refused')
      expect((await push('admin', 'record.edit', edit)).results[0]!.outcome).toBe('applied')
      const [plan] = await server.db.query<{ sign_off_required: boolean }>(
        'select sign_off_required from plans where id = $1',
        [planId],
      )
      expect(plan!.sign_off_required).toBe(true)
    })

    it('complete by a manager awaits the lead’s sign-off; others are refused with the reason; the lead signs it off', async () => {
      expect((await status('manager', 'action', k9, 'complete')).results[0]!.outcome).toBe('applied')
      expect(await work('actions', k9)).toMatchObject({ status: 'complete', signed_off_by: null })

      expect((await push('manager', 'signoff.give', { entity: 'action', entityId: k9 })).results[0]).toMatchObject({
        outcome: 'refused',
        reason: 'Only the project’s lead or a plan admin can sign it off.',
      })
      expect((await push('viewer', 'signoff.give', { entity: 'action', entityId: k9 })).statusCode).toBe(403)
      expect((await work('actions', k9)).signed_off_by).toBeNull()

      const since = await checkpoint()
      expect((await push('practitioner', 'signoff.give', { entity: 'action', entityId: k9 })).results[0]!.outcome).toBe(
        'applied',
      )
      expect(await work('actions', k9)).toMatchObject({ status: 'complete', signed_off_by: ids.person.practitioner })
      const [history] = await server.db.query<{ person_id: string; entity_type: string }>(
        `select person_id, entity_type from history where entity_id = $1 and change = 'signoff.give'`,
        [k9],
      )
      expect(history).toEqual({ person_id: ids.person.practitioner, entity_type: 'action' })
      const pulled = await pullInject(server.app, cookie.manager, since)
      expect(pulled.changes.find((c) => c.type === 'action' && c.op === 'put')).toMatchObject({
        data: { id: k9, signedOffBy: ids.person.practitioner },
      })

      expect((await push('admin', 'signoff.give', { entity: 'action', entityId: k9 })).results[0]).toMatchObject({
        outcome: 'refused',
        reason: 'This has already been signed off.',
      })
    })

    it('moving the status away from complete clears the sign-off; work not complete cannot be signed off', async () => {
      expect((await status('manager', 'action', k9, 'at-risk')).results[0]!.outcome).toBe('applied')
      expect(await work('actions', k9)).toEqual({ status: 'at-risk', signed_off_by: null, signed_off_at: null })
      expect((await push('admin', 'signoff.give', { entity: 'action', entityId: k9 })).results[0]).toMatchObject({
        outcome: 'refused',
        reason: 'Only complete work can be signed off.',
      })
    })

    it('the lead, or an admin, setting complete themselves signs it off in the same change', async () => {
      expect((await status('practitioner', 'action', k9, 'complete')).results[0]!.outcome).toBe('applied')
      expect(await work('actions', k9)).toMatchObject({ status: 'complete', signed_off_by: ids.person.practitioner })
      await status('admin', 'milestone', milestoneId, 'complete')
      expect(await work('milestones', milestoneId)).toMatchObject({
        status: 'complete',
        signed_off_by: ids.person.admin,
      })
      const [history] = await server.db.query<{ details: Record<string, unknown> }>(
        `select details from history where entity_id = $1 and change = 'status.set' order by received_at desc limit 1`,
        [milestoneId],
      )
      expect(history!.details).toMatchObject({ status: 'complete', signedOff: true })
    })

    it('a milestone is signed off by its owner or its project’s lead; a manager completing it leaves it awaiting', async () => {
      await status('manager', 'milestone', milestoneId, 'on-track')
      expect((await work('milestones', milestoneId)).signed_off_by).toBeNull()
      await status('manager', 'milestone', milestoneId, 'complete')
      expect(await work('milestones', milestoneId)).toMatchObject({ status: 'complete', signed_off_by: null })
      expect(
        (await push('manager', 'signoff.give', { entity: 'milestone', entityId: milestoneId })).results[0],
      ).toMatchObject({
        outcome: 'refused',
        reason: 'Only the milestone’s owner, its project’s lead or a plan admin can sign it off.',
      })
      expect(
        (await push('practitioner', 'signoff.give', { entity: 'milestone', entityId: milestoneId })).results[0]!
          .outcome,
      ).toBe('applied')
      expect((await work('milestones', milestoneId)).signed_off_by).toBe(ids.person.practitioner)
    })
  })
})
