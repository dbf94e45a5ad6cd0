import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids, plan } from '../../../../tests/support/plan-records'
import SearchView from './SearchView.vue'

describe('Search', () => {
  beforeEach(async () => {
    await deviceWithPlan()
  })

  it('lists matching actions and milestones, each opening its own page and saying which plan it is in', async () => {
    const { wrapper, router } = await mountView(SearchView, '/search')
    await settle(() => !wrapper.text().includes('Loading'))
    await wrapper.get('input[type="search"]').setValue('transition')
    await settle(() => wrapper.text().includes('2 results for “transition”'))
    const links = wrapper.findAll('ol a')
    expect(links.map((l) => l.text())).toEqual([
      'K2 Improve transition planning for young people with SEND',
      'A revised transitions protocol has been agreed',
    ])
    expect(links[0]!.attributes('href')).toMatch(/^\/plan\/actions\//)
    expect(links[1]!.attributes('href')).toMatch(/^\/milestones\//)
    expect(wrapper.findAll('ol li').map((li) => li.text())).toEqual([
      expect.stringContaining('In Achieving more'),
      expect.stringContaining('In Achieving more'),
    ])
    await settle(() => router.currentRoute.value.query.q === 'transition')
    wrapper.unmount()
  })

  it('finds recommendations, outcomes and sections, in every plan on the device', async () => {
    const other = {
      ...plan,
      id: '00000000-0000-4000-8000-000000000900',
      title: 'Improvement plan',
      status: 'superseded' as const,
    }
    await localDb.plans.put(other)
    await localDb.recommendations.put({
      id: '00000000-0000-4000-8000-000000000901',
      version: 1,
      planId: other.id,
      sourceKind: 'ofsted-inspection',
      sourceTitle: 'Ofsted inspection',
      sourceDate: null,
      number: '12',
      text: null,
      owner: 'The council',
      source: null,
      sourceNote: null,
      archivedAt: null,
      position: 0,
    })
    await localDb.outcomes.put({
      id: '00000000-0000-4000-8000-000000000902',
      version: 1,
      code: '1',
      title: 'Children have the best start in life',
      description: null,
      owner: null,
      source: null,
      sourceNote: null,
      archivedAt: null,
      position: 0,
    })
    await localDb.sections.put({
      id: '00000000-0000-4000-8000-000000000903',
      version: 1,
      planId: ids.plan,
      kind: 'budget',
      title: 'Budget by team',
      paragraphs: [],
      items: [{ text: 'Early help receives the largest share', points: [] }],
      table: null,
      source: null,
      sourceNote: null,
      position: 0,
    })
    const { wrapper } = await mountView(SearchView, '/search?q=recommendation%2012')
    await settle(() => wrapper.text().includes('1 result for “recommendation 12”'))
    expect(wrapper.get('ol li').text()).toContain('Ofsted recommendation 12')
    expect(wrapper.get('ol li').text()).toContain('In Improvement plan (superseded)')
    expect(wrapper.get('ol a').attributes('href')).toBe('/recommendations/00000000-0000-4000-8000-000000000901')

    await wrapper.get('input[type="search"]').setValue('best start')
    await settle(() => wrapper.text().includes('1 result for “best start”'))
    expect(wrapper.get('ol a').attributes('href')).toBe('/outcomes/00000000-0000-4000-8000-000000000902')

    await wrapper.get('input[type="search"]').setValue('largest share')
    await settle(() => wrapper.text().includes('1 result for “largest share”'))
    expect(wrapper.get('ol a').attributes('href')).toBe(`/plans/${ids.plan}`)
    wrapper.unmount()
  })

  it('says when nothing matches', async () => {
    const { wrapper } = await mountView(SearchView, '/search?q=zebra')
    await settle(() => wrapper.text().includes('Nothing matches for “zebra”'))
    expect(wrapper.findAll('ol li')).toHaveLength(0)
    wrapper.unmount()
  })

  it('leaves out what is archived: a milestone, and a project with its milestones', async () => {
    const k2 = (await localDb.actions.where('code').equals('K2').first())!
    const [milestone] = await localDb.milestones.where('actionId').equals(k2.id).toArray()
    await localDb.milestones.update(milestone!.id, { archivedAt: '2026-11-02T09:30:00.000Z' })
    const { wrapper } = await mountView(SearchView, '/search?q=transition')
    await settle(() => wrapper.text().includes('1 result for “transition”'))
    expect(wrapper.get('ol a').text()).toContain('K2')

    await localDb.milestones.update(milestone!.id, { archivedAt: null })
    await localDb.actions.update(k2.id, { archivedAt: '2026-11-02T09:30:00.000Z' })
    await settle(() => wrapper.text().includes('Nothing matches for “transition”'))
    wrapper.unmount()
  })
})
