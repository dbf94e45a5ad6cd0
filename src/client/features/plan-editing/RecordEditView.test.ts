import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { actions, person, plan } from '../../../../tests/support/plan-records'
import RecordEditView from './RecordEditView.vue'

const action = actions[0]!

describe('a plan admin editing the plan on the device', () => {
  beforeEach(async () => {
    const session = await deviceWithPlan()
    await writeMeta(localDb, 'session', { ...session, person: { ...person, role: 'admin' } })
  })

  it('sends only the fields changed, shows the change at once, and goes back to the project', async () => {
    const { wrapper, router } = await mountView(RecordEditView, '/', { type: 'action', id: action.id })
    await settle(() => wrapper.find('#field-description').exists())
    await wrapper.get('#field-title').setValue('Faster first visits')
    await wrapper.get('form').trigger('submit')
    await settle(() => router.currentRoute.value.name === 'action')
    const [queued] = await localDb.outbox.toArray()
    expect(queued!.mutation).toMatchObject({
      kind: 'record.edit',
      data: { type: 'action', id: action.id, fields: { title: 'Faster first visits' } },
    })
    expect(Object.keys((queued!.mutation.data as { fields: object }).fields)).toEqual(['title'])
    expect((await localDb.actions.get(action.id))!.title).toBe('Faster first visits')
    wrapper.unmount()
  })

  it('refuses an empty required field the GOV.UK way, and queues nothing', async () => {
    const { wrapper } = await mountView(RecordEditView, '/', { type: 'action', id: action.id })
    await settle(() => wrapper.find('#field-description').exists())
    await wrapper.get('#field-description').setValue('   ')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.find('.error-summary').exists())
    expect(wrapper.get('.error-summary').text()).toContain('Enter what will be done')
    expect(wrapper.get('#field-description').attributes('aria-invalid')).toBe('true')
    expect(await localDb.outbox.count()).toBe(0)
    wrapper.unmount()
  })

  it('adds a milestone to a project, last among its milestones', async () => {
    const { wrapper } = await mountView(RecordEditView, '/', { type: 'milestone', parentId: action.id })
    await settle(() => wrapper.find('#field-title').exists())
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.text().includes('Enter title'))
    await wrapper.get('#field-title').setValue('Audit of first visits')
    await wrapper.get('#field-dueDate').setValue('2027-03-31')
    await wrapper.get('form').trigger('submit')
    // The outbox write settles outside Vue's tick.
    for (let tries = 0; tries < 100 && !(await localDb.outbox.count()); tries++) await settle(() => true)
    const made = (await localDb.milestones.where('actionId').equals(action.id).toArray()).find(
      (m) => m.title === 'Audit of first visits',
    )
    expect(made).toMatchObject({ dueDate: '2027-03-31', status: 'not-started' })
    wrapper.unmount()
  })

  it('says a practitioner cannot change the plan, and a superseded plan is kept as it was', async () => {
    await writeMeta(localDb, 'session', { ...(await deviceWithPlan()) })
    const { wrapper } = await mountView(RecordEditView, '/', { type: 'action', id: action.id })
    await settle(() => wrapper.text().includes('Only a plan admin can change the plan.'))
    expect(wrapper.find('form').exists()).toBe(false)
    wrapper.unmount()

    const session = await deviceWithPlan()
    await writeMeta(localDb, 'session', { ...session, person: { ...person, role: 'admin' } })
    await localDb.plans.update(plan.id, { status: 'superseded' })
    const second = await mountView(RecordEditView, '/', { type: 'action', id: action.id })
    await settle(() => second.wrapper.text().includes('This plan is superseded'))
    expect(second.wrapper.find('form').exists()).toBe(false)
    second.wrapper.unmount()
  })
})
