import { beforeEach, describe, expect, it } from 'vitest'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids } from '../../../../tests/support/plan-records'
import { addThreadRecords, milestone } from '../golden-thread/test-thread'
import MilestoneView from './MilestoneView.vue'

beforeEach(async () => {
  await deviceWithPlan()
  await addThreadRecords()
})

describe('the milestone page', () => {
  it('shows its deadline as written with the date beside it, its own evidence, and the walk up as named links', async () => {
    const { wrapper } = await mountView(MilestoneView, '/', { id: milestone.id })
    await settle(() => wrapper.find('nav').exists() && wrapper.find('h1').exists())
    expect(wrapper.get('h1').text()).toBe(milestone.title)
    expect(wrapper.text()).toContain('January 2021 (31 January 2021)')
    expect(wrapper.text()).toContain('Protocol signed by both directors')
    expect(wrapper.text()).not.toContain('Transition plans audited')
    const nav = wrapper.get('nav')
    expect(nav.attributes('aria-label')).toBe('The golden thread')
    expect(nav.findAll('a').map((a) => a.text())).toEqual([
      'Outcome 4: Children are safe and protected from harm',
      'Ofsted recommendation 7',
      'Achieving more',
      'Positive futures',
      'K2 Improve transition planning for young people with SEND',
    ])
    expect(nav.findAll('a').map((a) => a.attributes('href'))).toContain(`/themes/${ids.futures}`)
    expect(nav.get('[aria-current="page"]').text()).toBe(milestone.title)
    wrapper.unmount()
  })

  it('says when the milestone is not on the device', async () => {
    const { wrapper } = await mountView(MilestoneView, '/', { id: '00000000-0000-4000-8000-000000009999' })
    await settle(() => wrapper.text().includes('Milestone not found'))
    wrapper.unmount()
  })
})
