import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { ProgressUpdate } from '../../../shared/entities'
import { quarterOf } from '../../../shared/sync/quarter'
import { quarterDates } from '../../../shared/sync/quarter-dates'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import * as fixture from '../../../../tests/support/plan-records'
import DashboardView from './DashboardView.vue'

const { ids } = fixture
const quarter = quarterOf(new Date())
const { start, end } = quarterDates(quarter)
const k1 = fixture.actions.find((action) => action.code === 'K1')!
const syncedAt = new Date()
syncedAt.setHours(9, 5, 0, 0)

const update: ProgressUpdate = {
  id: '00000000-0000-4000-8000-000000000900',
  version: 1,
  actionId: k1.id,
  period: quarter,
  rag: 'amber',
  commentary: 'Recruitment is behind; agency staff cover the gap.',
  authorId: ids.person,
  madeAt: `${start}T10:00:00Z`,
  receivedAt: `${start}T10:00:00Z`,
}

async function deviceAs(role: 'viewer' | 'admin') {
  const session = await deviceWithPlan()
  await writeMeta(localDb, 'session', { ...session, person: { ...session.person, role } })
  await writeMeta(localDb, 'lastSyncedAt', syncedAt.toISOString())
  await localDb.updatesByAction.put({ actionId: k1.id, entries: [update] })
  const milestone = fixture.milestones[0]!
  await localDb.milestones.bulkPut([
    {
      ...milestone,
      actionId: k1.id,
      dueDate: start,
      status: 'complete',
      statusSetAt: `${start}T12:00:00Z`,
      searchText: '',
    },
    { ...milestone, id: `${milestone.id.slice(0, -3)}901`, actionId: k1.id, dueDate: end, searchText: '' },
  ])
  await localDb.plans.put({
    ...fixture.plan,
    id: '00000000-0000-4000-8000-000000000902',
    title: 'Next year’s plan',
    status: 'draft',
  })
}

/** The count a figure table gives for a row, by the table's caption and the row's words. */
function countIn(wrapper: VueWrapper, caption: string, row: string): string | undefined {
  const table = wrapper.findAll('table').find((each) => each.get('caption').text().startsWith(caption))
  return table
    ?.findAll('tbody tr')
    .find((each) => each.get('th').text() === row)
    ?.get('td')
    .text()
}

describe('The board’s dashboard', () => {
  let wrapper: VueWrapper | undefined
  afterEach(() => wrapper?.unmount())

  describe('for a viewer', () => {
    beforeEach(() => deviceAs('viewer'))

    it('rolls each current plan up for this quarter, in figures with words, each saying how fresh', async () => {
      ;({ wrapper } = await mountView(DashboardView, '/'))
      await settle(() => wrapper!.text().includes('Projects by their latest update (6)'))
      expect(wrapper.get('h1').text()).toBe('Dashboard')
      expect(wrapper.text()).toContain(quarter)
      expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Achieving more'])
      expect(countIn(wrapper, 'Projects by their latest update', 'Amber (at risk)')).toBe('1')
      expect(countIn(wrapper, 'Projects by their latest update', 'No update yet')).toBe('5')
      expect(countIn(wrapper, 'Projects by status', 'Not started')).toBe('6')
      expect(countIn(wrapper, 'Milestones due this quarter (2)', 'Met')).toBe('1')
      expect(countIn(wrapper, 'Milestones due this quarter (2)', 'Not due yet or still open')).toBe('1')
      const asAt = wrapper.findAll('.as-at').map((line) => line.text())
      expect(asAt.length).toBe(8) // five figure groups, the two tables and the commentary
      expect(new Set(asAt)).toEqual(new Set(['Figures as at the last sync, today at 09:05.']))
    })

    it('gives the figures per theme and per area, linked to them, and the latest commentary', async () => {
      ;({ wrapper } = await mountView(DashboardView, '/'))
      await settle(() => wrapper!.text().includes('figures by area'))
      const byTheme = wrapper.findAll('table.rollup')[0]!
      const themeRows = byTheme.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()))
      // Stronger families: 3 projects, K1 amber; its two milestones due, one met.
      expect(themeRows[0]!.slice(0, 9)).toEqual(['Stronger families', '0', '1', '0', '2', '0', '2', '1', '0'])
      expect(byTheme.get('tbody a').attributes('href')).toBe(`/themes/${ids.families}`)
      const byArea = wrapper.findAll('table.rollup')[1]!
      expect(byArea.findAll('tbody th').map((cell) => cell.text())).toEqual([
        'Whole organisation',
        'Kingston',
        'Richmond',
      ])
      expect(byArea.findAll('tbody a')[1]!.attributes('href')).toBe(`/plans/${ids.plan}?area=${ids.kingston}`)
      expect(wrapper.get('.commentary').text()).toContain('Recruitment is behind; agency staff cover the gap.')
      expect(wrapper.get('.commentary a').attributes('href')).toBe(`/plan/actions/${k1.id}`)
      expect(wrapper.find('a[href$="/risks"]').text()).toBe('See the risk register')
    })

    it('offers nothing to change', async () => {
      ;({ wrapper } = await mountView(DashboardView, '/'))
      await settle(() => wrapper!.text().includes('figures by area'))
      expect(wrapper.findAll('form, input, select, textarea, button')).toHaveLength(0)
    })
  })

  it('shows a plan admin the drafts too', async () => {
    await deviceAs('admin')
    ;({ wrapper } = await mountView(DashboardView, '/'))
    await settle(() => wrapper!.findAll('h2').length === 2)
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Achieving more', 'Next year’s plan (draft)'])
  })
})
