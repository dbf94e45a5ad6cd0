import { beforeEach, describe, expect, it } from 'vitest'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import OutcomeView from './OutcomeView.vue'
import RecommendationView from './RecommendationView.vue'
import {
  addThreadRecords,
  bestStart,
  helpTheme,
  leadershipTheme,
  milestone,
  rec12,
  rec7,
  safe,
  unanswered,
} from './test-thread'

beforeEach(async () => {
  await deviceWithPlan()
  await addThreadRecords()
})

describe('the outcome page', () => {
  it('shows the plans that serve it, with links down to their themes', async () => {
    const { wrapper } = await mountView(OutcomeView, '/', { id: bestStart.id })
    await settle(() => wrapper.find('h1').exists())
    expect(wrapper.get('h1').text()).toBe(bestStart.title)
    expect(wrapper.get('.tag').text()).toBe('Outcome 1')
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Plans that serve it'])
    expect(wrapper.findAll('li a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      [`Theme 1: ${helpTheme.title}`, `/themes/${helpTheme.id}`],
      [`Theme 2: ${leadershipTheme.title}`, `/themes/${leadershipTheme.id}`],
    ])
    expect(wrapper.text()).not.toContain('Nothing answers this outcome yet')
    wrapper.unmount()
  })

  it('shows the actions that answer it with their milestones, updates and evidence', async () => {
    const { wrapper } = await mountView(OutcomeView, '/', { id: safe.id })
    await settle(() => wrapper.text().includes('Themes and actions that answer it'))
    const k2 = wrapper.findAll('article').find((article) => article.text().startsWith('K2'))!
    expect(k2.text()).toContain('2 pieces of evidence')
    expect(k2.get(`a[href="/milestones/${milestone.id}"]`).text()).toBe(milestone.title)
    expect(k2.text()).toContain('January 2021')
    expect(
      k2.findAll('li:has(strong)').map((li) => `${li.find('strong').text()} ${li.find('.status').text()}`),
    ).toEqual(['Q4: On track (green)', 'Q3: On track (green)', 'Q2: On track (green)'])
    wrapper.unmount()
  })

  it('says when nothing answers it', async () => {
    const { wrapper } = await mountView(OutcomeView, '/', { id: unanswered.id })
    await settle(() => wrapper.text().includes('Nothing answers this outcome yet.'))
    wrapper.unmount()
  })
})

describe('the recommendation page', () => {
  it('shows a recommendation given only by number, both themes it sits under, and that no action answers it', async () => {
    const { wrapper } = await mountView(RecommendationView, '/', { id: rec12.id })
    await settle(() => wrapper.find('h1').exists())
    expect(wrapper.get('h1').text()).toBe('Ofsted recommendation 12')
    expect(wrapper.text()).toContain('The plan gives only its number.')
    expect(wrapper.text()).toContain('Ofsted inspection of children’s services, 24 November 2016')
    expect(wrapper.text()).toContain('No action answers this recommendation yet.')
    expect(wrapper.findAll('section p.muted').map((p) => p.text())).toEqual([
      'In Improvement plan. The theme answers it.',
      'In Improvement plan. The theme answers it.',
    ])
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual([
      `Theme 1: ${helpTheme.title}`,
      `Theme 2: ${leadershipTheme.title}`,
    ])
    wrapper.unmount()
  })

  it('shows the action that answers it, and not the message', async () => {
    const { wrapper } = await mountView(RecommendationView, '/', { id: rec7.id })
    await settle(() => wrapper.find('article').exists())
    expect(wrapper.text()).toContain('Improve transition planning')
    expect(wrapper.get('article h4').text()).toBe('K2 Improve transition planning for young people with SEND')
    expect(wrapper.text()).toContain('Actions under this theme answer it.')
    expect(wrapper.text()).not.toContain('No action answers this recommendation yet.')
    wrapper.unmount()
  })
})
