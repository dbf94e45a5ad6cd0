import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
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
    expect(sections).toEqual(["Your team's projects", 'Our values', 'Priorities for your area and the whole organisation'])
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
