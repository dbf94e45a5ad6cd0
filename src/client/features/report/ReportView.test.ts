import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Evidence, ProgressUpdate } from '../../../shared/entities'
import { quarterBefore, quarterOf } from '../../../shared/sync/quarter'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import * as fixture from '../../../../tests/support/plan-records'
import ReportView from './ReportView.vue'

const { ids } = fixture
const k1 = fixture.actions.find((action) => action.code === 'K1')!
const r1 = fixture.actions.find((action) => action.code === 'R1')!

const update = (n: number, actionId: string, rag: ProgressUpdate['rag'], madeAt: string, commentary: string) => ({
  id: `00000000-0000-4000-8000-00000000090${n}`,
  version: 1,
  actionId,
  period: '2020/21 Q4',
  rag,
  commentary,
  authorId: ids.person,
  madeAt,
  receivedAt: madeAt,
})
const evidence: Evidence = {
  id: '00000000-0000-4000-8000-000000000950',
  version: 1,
  actionId: k1.id,
  milestoneId: null,
  note: 'Practice framework launch slides',
  authorId: ids.person,
  madeAt: '2021-02-02T10:00:00Z',
  receivedAt: '2021-02-02T10:00:00Z',
}

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await deviceWithPlan()
  await localDb.updatesByAction.bulkPut([
    {
      actionId: k1.id,
      entries: [update(1, k1.id, 'red', '2021-02-01T10:00:00Z', 'Recruiting two more practice leads.')],
    },
    { actionId: r1.id, entries: [update(2, r1.id, 'green', '2020-11-01T10:00:00Z', 'Training under way.')] },
  ])
  await localDb.evidence.put(evidence)
})
afterEach(() => {
  wrapper?.unmount()
})

const textOf = (element: { text(): string }) => element.text().replace(/\s+/g, ' ').trim()

async function openReport(query = '?quarter=2020/21%20Q4') {
  const mounted = await mountView(ReportView, `/plans/${ids.plan}${query}`, { id: ids.plan })
  wrapper = mounted.wrapper
  await settle(() => mounted.wrapper.find('article h1').exists())
  return mounted
}

const tableCaptioned = (caption: string) =>
  wrapper!.findAll('table').find((table) => table.find('caption').text().startsWith(caption))!

describe('the quarterly report on the device', () => {
  it('is built from what the device holds, a heading over each section', async () => {
    await openReport()
    expect(textOf(wrapper!.get('h1'))).toBe('Achieving more: quarterly report')
    expect(wrapper!.findAll('h2').map(textOf)).toEqual([
      'Summary',
      'Progress by theme',
      'Exceptions',
      'Milestones',
      'Measures scorecard',
      'Risk register',
      'Staff survey results',
      'Evidence gathered',
    ])
    const summary = tableCaptioned('Projects by their latest RAG rating')
    expect(summary.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true)
    expect(summary.findAll('tbody tr').map((row) => textOf(row.get('th')))).toEqual([
      'Stronger families',
      'Positive futures',
    ])
    expect(summary.get('tfoot tr').findAll('th, td').map(textOf)).toEqual(['Whole plan', '1', '0', '1', '4', '6'])
  })

  it('lists the red project as an exception with its commentary, and the evidence of the quarter', async () => {
    await openReport()
    const exceptions = tableCaptioned('Projects rated red or amber')
    expect(exceptions.findAll('tbody tr').map((row) => row.findAll('th, td > span:first-child').map(textOf))).toEqual([
      ['K1 Embed a practice framework in Kingston', 'Recruiting two more practice leads.'],
    ])
    expect(exceptions.findAll('tbody td').map(textOf).slice(0, 2)).toEqual(['Stronger families', 'Red (off track)'])
    expect(exceptions.get('tbody .detail').text()).toBe('Alex Test, 1 February 2021')
    const milestones = tableCaptioned('Milestones due in 2020/21 Q4')
    expect(milestones.findAll('tbody tr').map((row) => row.findAll('th, td').map(textOf))).toEqual([
      [
        '31 January 2021',
        'A revised transitions protocol has been agreed',
        'K2 Improve transition planning for young people with SEND',
        'Missed',
      ],
    ])
    expect(wrapper!.text()).toContain('1 piece of evidence added in the quarter.')
    expect(textOf(tableCaptioned('Evidence added in 2020/21 Q4').get('tbody'))).toContain(
      'Practice framework launch slides',
    )
  })

  it('shows another quarter when one is picked, and keeps it in the address', async () => {
    const { router } = await openReport()
    const picker = wrapper!.get('select')
    expect(wrapper!.get(`label[for="${picker.attributes('id')}"]`).text()).toBe('Quarter')
    expect((picker.element as HTMLSelectElement).value).toBe('2020/21 Q4')
    await picker.setValue(quarterOf(new Date()))
    await settle(() => wrapper!.get('.lede').text().includes(quarterOf(new Date())))
    expect(router.currentRoute.value.query).toEqual({})
    // The picker stayed where it was, so keyboard focus is not lost on choosing a quarter.
    expect(picker.element.isConnected).toBe(true)
    expect(wrapper!.text()).toContain('0 pieces of evidence added in the quarter.')
    // The picker offers the last eight quarters; the older one shown before is gone from it.
    const before = quarterBefore(quarterOf(new Date()))
    expect(picker.findAll('option').map((option) => option.attributes('value'))).toHaveLength(8)
    await picker.setValue(before)
    await settle(() => wrapper!.get('.lede').text().includes(before))
    expect(router.currentRoute.value.query).toEqual({ quarter: before })
  })

  it('prints from the button', async () => {
    await openReport()
    // The browser's print dialogue is not ours to open in a test: the button's call to it is what is checked.
    const print = vi.fn()
    window.print = print
    await wrapper!.get('button').trigger('click')
    expect(textOf(wrapper!.get('button'))).toBe('Print or save as PDF')
    expect(print).toHaveBeenCalledOnce()
  })

  it('says so when the quarter asked for is not one, and shows this quarter', async () => {
    await openReport('?quarter=next%20week')
    expect(wrapper!.get('[role="alert"]').text()).toContain('“next week” is not a quarter')
    expect(wrapper!.get('.lede').text()).toContain(quarterOf(new Date()))
  })
})
