import { beforeEach, describe, expect, it } from 'vitest'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import SearchView from './SearchView.vue'

describe('Search', () => {
  beforeEach(async () => {
    await deviceWithPlan()
  })

  it('lists matching projects and milestones, each linking to its project', async () => {
    const { wrapper, router } = await mountView(SearchView, '/search')
    await settle(() => !wrapper.text().includes('Loading'))
    await wrapper.get('input[type="search"]').setValue('transition')
    await settle(() => wrapper.text().includes('2 results for “transition”'))
    const links = wrapper.findAll('ol a')
    expect(links.map((l) => l.text())).toEqual([
      'K2 Improve transition planning for young people with SEND',
      'A revised transitions protocol has been agreed',
    ])
    expect(links[0]!.attributes('href')).toBe(links[1]!.attributes('href'))
    await settle(() => router.currentRoute.value.query.q === 'transition')
    wrapper.unmount()
  })

  it('says when nothing matches', async () => {
    const { wrapper } = await mountView(SearchView, '/search?q=zebra')
    await settle(() => wrapper.text().includes('Nothing matches for “zebra”'))
    expect(wrapper.findAll('ol li')).toHaveLength(0)
    wrapper.unmount()
  })
})
