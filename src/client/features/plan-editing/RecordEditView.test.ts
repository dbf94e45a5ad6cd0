import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { actions, ids, person, plan } from '../../../../tests/support/plan-records'
import { addThreadRecords, helpTheme, improvementPlan, rec5, rec12, safe } from '../golden-thread/test-thread'
import RecordEditView from './RecordEditView.vue'

const action = actions[0]!

/** The change the form queued: the outbox write settles outside Vue's tick. */
async function queuedChange() {
  for (let tries = 0; tries < 100 && !(await localDb.outbox.count()); tries++) await settle(() => true)
  const [queued] = await localDb.outbox.toArray()
  return queued!.mutation as { kind: string; data: { type: string; id: string; fields: Record<string, unknown> } }
}

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

  it('adds a plan in no other, an outcome for the whole organisation and a recommendation in a plan', async () => {
    await addThreadRecords()
    const first = await mountView(RecordEditView, '/', { type: 'plan' })
    await settle(() => first.wrapper.find('#field-versionLabel').exists())
    await first.wrapper.get('#field-title').setValue('Early help strategy')
    await first.wrapper.get('#field-versionLabel').setValue('2027 to 2028')
    await first.wrapper.get(`#field-servesOutcomeIds-${safe.id}`).setValue(true)
    await first.wrapper.get('form').trigger('submit')
    const newPlan = await queuedChange()
    expect(newPlan).toMatchObject({
      kind: 'record.create',
      data: { type: 'plan', fields: { kind: 'business-plan', servesOutcomeIds: [safe.id] } },
    })
    expect(await localDb.plans.get(newPlan.data.id)).toMatchObject({ title: 'Early help strategy', status: 'draft' })
    await settle(() => first.router.currentRoute.value.name === 'plan')
    first.wrapper.unmount()
    await localDb.outbox.clear()

    const second = await mountView(RecordEditView, '/', { type: 'outcome' })
    await settle(() => second.wrapper.find('#field-owner').exists())
    expect(second.wrapper.get('h1').text()).toBe('Add an outcome')
    await second.wrapper.get('#field-title').setValue('Children are ready for school')
    await second.wrapper.get('form').trigger('submit')
    const outcome = await queuedChange()
    expect(outcome).toMatchObject({ kind: 'record.create', data: { type: 'outcome' } })
    expect(outcome.data.fields).not.toHaveProperty('planId')
    expect(await localDb.outcomes.get(outcome.data.id)).toMatchObject({ title: 'Children are ready for school' })
    await settle(() => second.router.currentRoute.value.name === 'outcome')
    second.wrapper.unmount()
    await localDb.outbox.clear()

    const third = await mountView(RecordEditView, '/', { type: 'recommendation', parentId: plan.id })
    await settle(() => third.wrapper.find('#field-sourceKind').exists())
    await third.wrapper.get('#field-sourceKind').setValue('peer-review')
    await third.wrapper.get('#field-sourceTitle').setValue('Peer review of early help')
    await third.wrapper.get('#field-number').setValue('3')
    await third.wrapper.get('form').trigger('submit')
    const recommendation = await queuedChange()
    expect(recommendation).toMatchObject({ kind: 'record.create', data: { type: 'recommendation' } })
    expect(await localDb.recommendations.get(recommendation.data.id)).toMatchObject({ planId: plan.id, number: '3' })
    third.wrapper.unmount()
  })

  it('a project added from its theme’s page starts under that theme', async () => {
    const { wrapper } = await mountView(RecordEditView, `/add/action?in=${plan.id}&themeId=${ids.futures}`, {
      type: 'action',
      parentId: plan.id,
    })
    await settle(() => wrapper.find('#field-description').exists())
    expect((wrapper.get('#field-themeId').element as HTMLSelectElement).value).toBe(ids.futures)
    await wrapper.get('#field-description').setValue('Open a family hub in Richmond')
    await wrapper.get('form').trigger('submit')
    const made = await queuedChange()
    expect(made.data.fields).toMatchObject({ planId: plan.id, themeId: ids.futures })
    wrapper.unmount()
  })

  it('a theme names the recommendations it answers, from its own plan', async () => {
    await addThreadRecords()
    const { wrapper } = await mountView(RecordEditView, '/', { type: 'theme', id: helpTheme.id })
    await settle(() => wrapper.find('#field-recommendationIds').exists())
    expect(wrapper.findAll('[id^="field-recommendationIds"]')).toHaveLength(
      await localDb.recommendations.where('planId').equals(improvementPlan.id).count(),
    )
    await wrapper.get(`#field-recommendationIds-${rec5.id}`).setValue(true)
    await wrapper.get('form').trigger('submit')
    const edit = await queuedChange()
    expect(edit).toMatchObject({
      kind: 'record.edit',
      data: { type: 'theme', fields: { recommendationIds: [rec12.id, rec5.id] } },
    })
    wrapper.unmount()
  })
})
