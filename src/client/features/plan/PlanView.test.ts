import { beforeEach, describe, expect, it } from 'vitest'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids } from '../../../../tests/support/plan-records'
import PlanView from './PlanView.vue'

describe('The plan', () => {
  beforeEach(async () => {
    await deviceWithPlan()
  })

  it('shows the vision, values, how we work and every priority with its projects', async () => {
    const { wrapper } = await mountView(PlanView, `/plans/${ids.plan}`, { id: ids.plan })
    await settle(() => wrapper.text().includes('6 projects shown.'))
    expect(wrapper.get('h1').text()).toBe('Achieving more')
    expect(wrapper.text()).toContain('We put children first')
    expect(wrapper.text()).toContain('What we will achieve: Families are stronger.')
    expect(wrapper.findAll('article .code').map((c) => c.text())).toEqual(['K1', 'R1', 'C2', 'C1', 'K2', 'R2'])
    wrapper.unmount()
  })

  it('filters projects by area through the address', async () => {
    const { wrapper, router } = await mountView(PlanView, `/plans/${ids.plan}?area=${ids.richmond}`, { id: ids.plan })
    await settle(() => wrapper.text().includes('2 projects shown.'))
    expect(wrapper.findAll('article .code').map((c) => c.text())).toEqual(['R1', 'R2'])
    const select = wrapper.get('select')
    expect(wrapper.get(`label[for="${select.attributes('id')}"]`).text()).toBe('Show projects for')
    await select.setValue(ids.kingston)
    await settle(() => wrapper.text().includes('2 projects shown.') && wrapper.text().includes('K1'))
    expect(router.currentRoute.value.query.area).toBe(ids.kingston)
    await select.setValue('')
    await settle(() => wrapper.text().includes('6 projects shown.'))
    wrapper.unmount()
  })
})
