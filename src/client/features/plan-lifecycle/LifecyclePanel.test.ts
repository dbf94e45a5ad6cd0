import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { actions, ids, milestones, person, plan, themes } from '../../../../tests/support/plan-records'
import LifecyclePanel from './LifecyclePanel.vue'
import VersionDiffView from './VersionDiffView.vue'

const draft = { ...plan, status: 'draft' as const }

// The outbox write settles outside Vue's tick.
async function queuedCount() {
  for (let tries = 0; tries < 100 && !(await localDb.outbox.count()); tries++) await settle(() => true)
  return localDb.outbox.count()
}

describe('a plan admin moving a plan through its lifecycle', () => {
  beforeEach(async () => {
    const session = await deviceWithPlan()
    await writeMeta(localDb, 'session', { ...session, person: { ...person, role: 'admin' } })
  })

  it('approves a draft: queues a plan.lifecycle change with the board and date', async () => {
    const { wrapper } = await mountView(LifecyclePanel, '/', { plan: draft })
    await settle(() => wrapper.find('#approval-board').exists())
    await wrapper.get('#approval-board').setValue('Trust Board')
    await wrapper.get('#approval-date').setValue('2026-11-30')
    await wrapper.get('form').trigger('submit')
    expect(await queuedCount()).toBe(1)
    const [queued] = await localDb.outbox.toArray()
    expect(queued!.mutation).toMatchObject({
      kind: 'plan.lifecycle',
      data: { planId: plan.id, step: 'approve', board: 'Trust Board', approvedOn: '2026-11-30' },
    })
    wrapper.unmount()
  })

  it('refuses an empty board the GOV.UK way, and queues nothing', async () => {
    const { wrapper } = await mountView(LifecyclePanel, '/', { plan: draft })
    await settle(() => wrapper.find('#approval-board').exists())
    await wrapper.get('#approval-board').setValue('   ')
    await wrapper.get('#approval-date').setValue('2026-11-30')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.find('.error-summary').exists())
    expect(wrapper.get('.error-summary').text()).toContain('Enter the board or meeting that approved the plan.')
    expect(wrapper.get('#approval-board').attributes('aria-invalid')).toBe('true')
    expect(await localDb.outbox.count()).toBe(0)
    wrapper.unmount()
  })

  it('asks before archiving an approved plan, then queues the archive', async () => {
    const { wrapper } = await mountView(LifecyclePanel, '/', { plan })
    await settle(() => wrapper.text().includes('Start next year’s version'))
    const button = (name: string) => wrapper.findAll('button').find((b) => b.text() === name)!
    await button('Archive').trigger('click')
    expect(await localDb.outbox.count()).toBe(0)
    await button('Yes, archive this plan').trigger('click')
    expect(await queuedCount()).toBe(1)
    const [queued] = await localDb.outbox.toArray()
    expect(queued!.mutation).toMatchObject({ kind: 'plan.lifecycle', data: { planId: plan.id, step: 'archive' } })
    wrapper.unmount()
  })

  it('says starting next year’s version needs a connection when the server cannot be reached', async () => {
    const { wrapper, router } = await mountView(LifecyclePanel, '/', { plan })
    await settle(() => wrapper.text().includes('Start next year’s version'))
    const button = (name: string) => wrapper.findAll('button').find((b) => b.text() === name)!
    await button('Start next year’s version').trigger('click')
    await button('Yes, start next year’s version').trigger('click')
    await settle(() => wrapper.find('.error-summary').exists())
    expect(wrapper.get('.error-summary').text()).toContain('You need a connection to start next year’s version')
    expect(router.currentRoute.value.path).toBe('/')
    wrapper.unmount()
  })

  it('shows a practitioner no panel', async () => {
    await deviceWithPlan()
    const { wrapper } = await mountView(LifecyclePanel, '/', { plan: draft })
    await settle(() => true)
    expect(wrapper.find('section').exists()).toBe(false)
    expect(wrapper.text()).toBe('')
    wrapper.unmount()
  })
})

describe('what changed since the earlier version', () => {
  const nextId = '00000000-0000-4000-8000-000000000900'
  beforeEach(async () => {
    await deviceWithPlan()
    await localDb.plans.put({
      ...plan,
      id: nextId,
      title: 'Achieving more 2025',
      status: 'draft',
      carriedFromId: plan.id,
    })
    const [families, futures] = themes
    await localDb.themes.bulkPut([
      {
        ...families!,
        id: '00000000-0000-4000-8000-000000000901',
        planId: nextId,
        carriedFromId: ids.families,
        searchText: '',
      },
      {
        ...futures!,
        id: '00000000-0000-4000-8000-000000000902',
        planId: nextId,
        carriedFromId: ids.futures,
        title: 'Brighter futures',
        searchText: '',
      },
      {
        ...futures!,
        id: '00000000-0000-4000-8000-000000000903',
        planId: nextId,
        title: 'Safe at home',
        searchText: '',
      },
    ])
    const [transitions] = actions.filter((a) => a.code === 'K2')
    const nextAction = { ...transitions!, id: '00000000-0000-4000-8000-000000000904', planId: nextId }
    await localDb.actions.put({
      ...nextAction,
      carriedFromId: transitions!.id,
      areaIds: [ids.kingston, ids.richmond],
      searchText: '',
    })
    await localDb.milestones.put({
      ...milestones[0]!,
      id: '00000000-0000-4000-8000-000000000905',
      actionId: nextAction.id,
      carriedFromId: milestones[0]!.id,
      dueDate: '2022-01-31',
      searchText: '',
    })
  })

  it('lists a record added and a record changed, with its changed field', async () => {
    const { wrapper } = await mountView(VersionDiffView, '/', { id: nextId })
    await settle(() => wrapper.text().includes('What changed since Achieving more'))
    const list = (heading: string) =>
      wrapper.findAll('h2').find((h) => h.text() === heading)!.element.nextElementSibling!
    expect(list('Added').textContent).toContain('Theme: Safe at home')
    expect(list('Added').textContent).not.toContain('Stronger families')
    const changed = list('Changed').textContent!
    expect(changed).toContain('Theme: Brighter futures')
    expect(changed).toContain('was Positive futures, now Brighter futures')
    expect(changed).not.toContain('Stronger families')
    wrapper.unmount()
  })

  it('names each changed field by its edit form label, and says its values in words', async () => {
    const { wrapper } = await mountView(VersionDiffView, '/', { id: nextId })
    await settle(() => wrapper.text().includes('What changed since Achieving more'))
    const changes = wrapper.findAll('h2').find((h) => h.text() === 'Changed')!.element.nextElementSibling!
    const terms = [...changes.querySelectorAll('dt')].map((dt) => dt.textContent!.trim())
    const said = (label: string) =>
      [...changes.querySelectorAll('dt')]
        .find((dt) => dt.textContent!.trim() === label)!
        .nextElementSibling!.textContent!.replace(/\s+/g, ' ')
        .trim()
    expect(terms).toEqual(expect.arrayContaining(['Title', 'Due date', 'Areas']))
    expect(terms.join(' ')).not.toMatch(/dueDate|areaIds|title/)
    expect(said('Due date')).toBe('was 31 January 2021, now 31 January 2022')
    expect(said('Areas')).toBe('was Kingston, now Kingston, Richmond')
    wrapper.unmount()
  })
})
