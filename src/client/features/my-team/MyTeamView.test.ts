import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids, plan } from '../../../../tests/support/plan-records'
import MyTeamView from './MyTeamView.vue'

describe('My team', () => {
  beforeEach(async () => {
    await deviceWithPlan()
  })

  it("shows the team, the values, the team's own projects first, then its area's and the organisation's", async () => {
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.find('h1').exists() && wrapper.text().includes('Kingston Disabilities Team'))
    expect(wrapper.get('h1').text()).toBe('Kingston Disabilities Team')
    expect(wrapper.text()).toContain('Alex Test, Social Worker · Kingston')
    expect(wrapper.findAll('.values h3').map((h) => h.text())).toEqual(['Trust', 'Respect', 'Empower'])
    const sections = wrapper.findAll('h2').map((h) => h.text())
    expect(sections).toEqual([
      "Your team's projects",
      'Our values',
      'Priorities for your area and the whole organisation',
    ])
    const codes = wrapper.findAll('article .code').map((c) => c.text())
    expect(codes).toEqual(['K2', 'K1', 'C2', 'C1'])
    expect(wrapper.text()).toContain('Your team leads this')
    expect(wrapper.text()).not.toContain('Richmond')
    // Each project shows its lead, milestone and success measure.
    const first = wrapper.get('article')
    expect(first.text()).toContain('Associate Director')
    expect(first.text()).toContain('Milestone by March 2021')
    expect(first.text()).toContain('Success by March 2024')
    wrapper.unmount()
  })

  it('says which plan each priority is in when more than one plan is current', async () => {
    const theme = (await localDb.themes.get(ids.futures))!
    const action = (await localDb.actions.where('code').equals('C1').first())!
    const other = { ...plan, id: '00000000-0000-4000-8000-000000000600', title: 'Improvement plan' }
    await localDb.plans.put(other)
    await localDb.themes.put({
      ...theme,
      id: '00000000-0000-4000-8000-000000000601',
      planId: other.id,
      title: 'Early help',
    })
    await localDb.actions.put({
      ...action,
      id: '00000000-0000-4000-8000-000000000602',
      planId: other.id,
      themeId: '00000000-0000-4000-8000-000000000601',
      code: 'EH1',
      areaIds: [],
    })
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.text().includes('Early help'))
    const region = wrapper.get('section[aria-labelledby="priority-00000000-0000-4000-8000-000000000601"]')
    expect(region.text()).toContain('In Improvement plan')
    expect(region.findAll('article .code').map((c) => c.text())).toEqual(['EH1'])
    expect(wrapper.text()).toContain('In Achieving more')
    wrapper.unmount()
  })

  it('updates when sync writes a change', async () => {
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.text().includes('Embed a practice framework in Kingston'))
    const k1 = await localDb.actions.where('code').equals('K1').first()
    await localDb.actions.put({ ...k1!, description: 'Embed Signs of Safety in Kingston' })
    await settle(() => wrapper.text().includes('Embed Signs of Safety in Kingston'))
    wrapper.unmount()
  })

  it('says so when the plan has not reached the device yet', async () => {
    await localDb.people.clear()
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.text().includes('have not reached this device yet'))
    wrapper.unmount()
  })
})
