import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { actions, person, plan } from '../../../../tests/support/plan-records'
import { quarterOf } from '../../../shared/sync/quarter'
import MyActionsView from '../my-actions/MyActionsView.vue'
import OutstandingView from './OutstandingView.vue'
import SignOff from './SignOff.vue'

const adminId = '00000000-0000-4000-8000-000000000a01'
const reminderId = '00000000-0000-4000-8000-000000000a02'
const admin = { ...person, id: adminId, name: 'Alex Admin', role: 'admin' as const, teamIds: [] }
const led = actions[0]!

describe('reminders and what needs an update', () => {
  beforeEach(async () => {
    await deviceWithPlan()
    await localDb.people.put(admin)
    // The practitioner leads one action, with no update this quarter.
    await localDb.actions.update(led.id, { leadPersonId: person.id })
  })

  it('My actions shows the person’s reminder with its sender and day, and what needs their update; Dismiss queues the change', async () => {
    await localDb.reminders.put({
      id: reminderId,
      version: 1,
      personId: person.id,
      sentBy: adminId,
      sentAt: '2026-12-03T10:00:00.000Z',
      message: 'Your Q3 update, please.',
      actionIds: [led.id],
      milestoneIds: [],
      dismissedAt: null,
    })
    const { wrapper } = await mountView(MyActionsView, '/my-actions')
    await settle(() => wrapper.text().includes('Reminder from Alex Admin'))
    expect(wrapper.text()).toContain('Reminder from Alex Admin, 3 December: Your Q3 update, please.')
    await settle(() => wrapper.text().includes('Needs your update this quarter (1)'))
    expect(wrapper.find('.needs-update').text()).toContain('no update this quarter')

    await wrapper.get('.reminders button').trigger('click')
    await settle(() => !wrapper.text().includes('Reminder from Alex Admin'))
    const [queued] = await localDb.outbox.toArray()
    expect(queued!.mutation).toMatchObject({ kind: 'reminder.dismiss', data: { id: reminderId } })
    expect((await localDb.reminders.get(reminderId))!.dismissedAt).not.toBeNull()
    wrapper.unmount()
  })

  it('an update this quarter takes the action off the list', async () => {
    await localDb.updatesByAction.put({
      actionId: led.id,
      entries: [
        {
          id: reminderId,
          version: 1,
          actionId: led.id,
          period: quarterOf(new Date()),
          rag: 'green',
          commentary: 'On track',
          authorId: person.id,
          madeAt: new Date().toISOString(),
          receivedAt: new Date().toISOString(),
        },
      ],
    })
    const { wrapper } = await mountView(MyActionsView, '/my-actions')
    await settle(() => wrapper.text().includes('Needs your update this quarter (0)'))
    expect(wrapper.text()).toContain('Nothing you lead needs an update this quarter.')
    wrapper.unmount()
  })

  it('Outstanding lists the practitioner for a plan admin, and sends a reminder with the message', async () => {
    const session = await deviceWithPlan()
    await localDb.people.put(admin)
    await localDb.actions.update(led.id, { leadPersonId: person.id })
    await writeMeta(localDb, 'session', { ...session, person: admin })
    const { wrapper } = await mountView(OutstandingView, '/outstanding')
    await settle(() => wrapper.text().includes('Alex Test'))
    expect(wrapper.get('h2').text()).toBe('Alex Test')
    await wrapper.get('textarea').setValue('x'.repeat(501))
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.text().includes('must be 500 characters or fewer'))
    expect(await localDb.outbox.count()).toBe(0)

    await wrapper.get('textarea').setValue('Please post your update.')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.text().includes('Reminder to Alex Test sent from this device.'))
    const [queued] = await localDb.outbox.toArray()
    expect(queued!.mutation).toMatchObject({
      kind: 'reminder.send',
      data: { personId: person.id, message: 'Please post your update.', actionIds: [led.id] },
    })
    expect(await localDb.reminders.count()).toBe(1)
    wrapper.unmount()
  })

  it('complete work awaiting sign-off says by whom, and gives its lead the Sign off button', async () => {
    await localDb.plans.update(plan.id, { signOffRequired: true })
    await localDb.actions.update(led.id, { status: 'complete', signedOffBy: null })
    const { wrapper } = await mountView(SignOff, '/', { entity: 'action', id: led.id })
    await settle(() => wrapper.text().includes('Complete, awaiting sign-off by Alex Test'))
    await wrapper.get('button').trigger('click')
    await settle(() => wrapper.text().includes('Signed off by Alex Test'))
    const [queued] = await localDb.outbox.toArray()
    expect(queued!.mutation).toMatchObject({ kind: 'signoff.give', data: { entity: 'action', entityId: led.id } })
    wrapper.unmount()
  })
})
