import { beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Measure, Person } from '../../../shared/entities'
import { quarterOf } from '../../../shared/sync/quarter'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { actions, ids, person } from '../../../../tests/support/plan-records'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import MeasureList from '../plan/MeasureList.vue'
import MeasureView from './MeasureView.vue'

const owner: Person = { ...person, id: '00000000-0000-4000-8000-000000000031', name: 'Sam Owner' }
const measureId = '00000000-0000-4000-8000-000000000300'

/** Voluntary turnover, lower is better: 18% by March 2021, then 15% (a target not yet past). */
const measure = (overrides: Partial<Measure> = {}): Measure => ({
  id: measureId,
  version: 1,
  planId: ids.plan,
  title: 'Voluntary turnover rate',
  unit: 'percent',
  comparison: 'Below the London average',
  direction: 'lower-is-better',
  baseline: { value: 21, date: '2019-03-31' },
  targets: [
    { value: 18, by: '2021-03-31' },
    { value: 15, by: '2099-03-31' },
  ],
  actuals: [
    { period: '2020/21 Q4', value: 19, note: 'Recruitment drive started', source: 'HR system' },
    {
      period: '2026/27 Q1',
      value: 16,
      recordedBy: owner.id,
      recordedAt: '2026-07-02T09:30:00.000Z',
    },
  ],
  benchmarks: [{ label: 'London', value: 17 }],
  ownerPersonId: owner.id,
  tolerancePercent: 10,
  source: 'Business plan, page 12',
  sourceNote: null,
  archivedAt: null,
  themeIds: [ids.families],
  actionIds: [actions[1]!.id],
  ...overrides,
})

let session: Awaited<ReturnType<typeof deviceWithPlan>>

beforeEach(async () => {
  session = await deviceWithPlan()
  await localDb.people.put(owner)
})

/** Signs the device in as someone else with `role` (and id). */
async function signedInAs(who: Partial<Person>) {
  const me = { ...session.person, ...who }
  await localDb.people.put(me)
  await writeMeta(localDb, 'session', { ...session, person: me })
}

async function open(record: Measure) {
  await localDb.measures.put(record)
  const { wrapper } = await mountView(MeasureView, '/', { id: record.id })
  await settle(() => wrapper.find('h1').exists())
  return wrapper
}

const section = (wrapper: VueWrapper, heading: string) => wrapper.get(`section[aria-labelledby="${heading}"]`)
const tableRows = (wrapper: VueWrapper) =>
  wrapper.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()))

describe('a measure’s page', () => {
  it('says where it stands in words, which way it moved, and what it is linked to', async () => {
    const wrapper = await open(measure())
    expect(wrapper.get('h1').text()).toBe('Voluntary turnover rate')
    const standing = section(wrapper, 'standing-heading').text()
    expect(standing).toContain('At risk (amber)')
    expect(standing).toContain('16% for 2026/27 Q1, short of its target of 15% but within its 10% tolerance.')
    expect(standing).toContain('Direction of travel: Improving since 2020/21 Q4.')
    const facts = wrapper.get('dl.facts').text()
    expect(facts).toContain('Below the London average')
    expect(facts).toContain('21%, March 2019')
    expect(facts).toContain('18% by March 2021')
    expect(facts).toContain('London: 17%')
    expect(facts).toContain('Sam Owner')
    const links = wrapper.findAll('dl.facts a').map((a) => [a.text(), a.attributes('href')])
    expect(links).toEqual([
      ['Stronger families', `/themes/${ids.families}`],
      ['K1 Embed a practice framework in Kingston', `/plan/actions/${actions[1]!.id}`],
    ])
    wrapper.unmount()
  })

  it('is red, and worsening, when the latest figure is further short than the tolerance', async () => {
    const wrapper = await open(
      measure({
        actuals: [
          { period: '2026/27 Q1', value: 16 },
          { period: '2026/27 Q2', value: 16.6 },
        ],
      }),
    )
    const standing = section(wrapper, 'standing-heading').text()
    expect(standing).toContain('Off track (red)')
    expect(standing).toContain('by more than its 10% tolerance')
    expect(standing).toContain('Worse than 2026/27 Q1.')
    wrapper.unmount()
  })

  it('is data only with the reason when there is no target or no direction, and says when there are no figures', async () => {
    const noTarget = await open(measure({ targets: [] }))
    expect(section(noTarget, 'standing-heading').text()).toContain('Data only')
    expect(section(noTarget, 'standing-heading').text()).toContain('The plan sets no target in figures')
    noTarget.unmount()

    const noDirection = await open(measure({ direction: null }))
    const words = section(noDirection, 'standing-heading').text()
    expect(words).toContain('Data only')
    expect(words).toContain('does not say whether higher or lower is better')
    expect(words).toContain('there is no direction of travel')
    noDirection.unmount()

    const empty = await open(measure({ actuals: [] }))
    expect(section(empty, 'standing-heading').text()).toContain('No figures yet')
    expect(empty.find('table').exists()).toBe(false)
    expect(empty.find('[role="img"]').exists()).toBe(false)
    empty.unmount()
  })

  it('gives the chart a name and a table with the same figures, each against the target of its time', async () => {
    const record = measure()
    const wrapper = await open(record)
    const chart = wrapper.get('figure [role="img"]')
    expect(chart.attributes('aria-label')).toBe(
      'Line chart of 2 figures, from 19% for 2020/21 Q4 to 16% for 2026/27 Q1, with a target of 15% for the latest. The table below gives every figure.',
    )
    expect(wrapper.get('table caption').text()).toBe('Figures and targets, oldest first')
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual([
      'Period',
      'Figure',
      'Target',
      'RAG',
      'Note',
      'Source',
      'Recorded',
    ])
    const rows = tableRows(wrapper)
    expect(rows.map((row) => row.slice(0, 2))).toEqual(record.actuals.map((a) => [a.period, `${a.value}%`]))
    // 19% against March 2021's 18% is within 10% of it; 16% against 15% likewise.
    expect(rows.map((row) => row.slice(2, 4))).toEqual([
      ['18%', 'At risk (amber)'],
      ['15%', 'At risk (amber)'],
    ])
    expect(rows[0]!.slice(4)).toEqual(['Recruitment drive started', 'HR system', 'From the plan'])
    expect(rows[1]![6]).toMatch(/^Sam Owner, /)
    wrapper.unmount()
  })
})

describe('recording a figure', () => {
  const form = (wrapper: VueWrapper) => section(wrapper, 'record-figure-heading')

  it('refuses a red figure with no note, as the server would, and queues nothing', async () => {
    await signedInAs({ role: 'admin' })
    const wrapper = await open(measure())
    expect((form(wrapper).get('#figure-period').element as HTMLInputElement).value).toBe(quarterOf(new Date()))
    await form(wrapper).get('#figure-value').setValue('20')
    await form(wrapper).get('form').trigger('submit')
    await settle(() => wrapper.find('.error-summary').exists())
    const message = 'This figure is red against its target of 15: add a note saying what is being done about it.'
    expect(wrapper.get('.error-summary a').text()).toBe(message)
    expect(wrapper.get('.error-summary a').attributes('href')).toBe('#figure-note')
    expect(wrapper.get('#figure-note-error').text()).toBe(`Error: ${message}`)
    expect(wrapper.get('#figure-note').attributes('aria-describedby')).toBe('figure-note-hint figure-note-error')
    expect(await localDb.outbox.count()).toBe(0)
    expect((await localDb.measures.get(measureId))!.actuals).toHaveLength(2)
    wrapper.unmount()
  })

  it('says what is wrong with a figure that is not a number or a missing period', async () => {
    await signedInAs({ role: 'admin' })
    const wrapper = await open(measure())
    await form(wrapper).get('#figure-period').setValue('')
    await form(wrapper).get('#figure-value').setValue('about ten')
    await form(wrapper).get('form').trigger('submit')
    await settle(() => wrapper.find('.error-summary').exists())
    expect(wrapper.findAll('.error-summary a').map((a) => a.text())).toEqual([
      'Say which period the figure is for.',
      'Enter the figure as a number, like 16 or 16.5.',
    ])
    expect(await localDb.outbox.count()).toBe(0)
    wrapper.unmount()
  })

  it('queues the owner’s figure through the outbox and shows it in the table at once, waiting to send', async () => {
    await signedInAs({ id: owner.id, name: owner.name })
    const wrapper = await open(measure())
    await form(wrapper).get('#figure-period').setValue('2026/27 Q2')
    await form(wrapper).get('#figure-value').setValue('17.5')
    await form(wrapper).get('#figure-note').setValue('Two team managers left; interim cover in place.')
    await form(wrapper).get('#figure-source').setValue('HR system')
    await form(wrapper).get('form').trigger('submit')
    await settle(() => tableRows(wrapper).length === 3)
    const [entry, ...others] = await localDb.outbox.toArray()
    expect(others).toEqual([])
    expect(entry!.mutation).toMatchObject({
      kind: 'measure.actual',
      data: {
        measureId,
        period: '2026/27 Q2',
        value: 17.5,
        note: 'Two team managers left; interim cover in place.',
        source: 'HR system',
      },
    })
    const added = tableRows(wrapper)[2]!
    expect(added.slice(0, 6)).toEqual([
      '2026/27 Q2 Waiting to send',
      '17.5%',
      '15%',
      'Off track (red)',
      'Two team managers left; interim cover in place.',
      'HR system',
    ])
    expect(added[6]).toMatch(/^Sam Owner, /)
    expect(section(wrapper, 'standing-heading').text()).toContain('Worse than 2026/27 Q1.')
    expect(form(wrapper).get('[role="status"]').text()).toContain('Figure for 2026/27 Q2 saved on this device')
    expect((form(wrapper).get('#figure-value').element as HTMLInputElement).value).toBe('')
    wrapper.unmount()
  })

  it('is not there for a viewer, nor for a practitioner who does not own the measure', async () => {
    for (const role of ['viewer', 'practitioner'] as const) {
      await signedInAs({ role })
      const wrapper = await open(measure())
      expect(wrapper.find('section[aria-labelledby="record-figure-heading"]').exists()).toBe(false)
      expect(wrapper.find('form').exists()).toBe(false)
      expect(wrapper.findAll('a').map((a) => a.text())).not.toContain('Edit this measure')
      wrapper.unmount()
    }
  })

  it('gives a plan admin the link to edit the measure, its targets and tolerance', async () => {
    await signedInAs({ role: 'admin' })
    const wrapper = await open(measure())
    const edit = wrapper.findAll('a').find((a) => a.text() === 'Edit this measure')!
    expect(edit.attributes('href')).toBe(`/edit/measure/${measureId}`)
    wrapper.unmount()
  })
})

describe('the plan page’s measures', () => {
  it('link each measure’s title to its page and say where it stands', async () => {
    const measures = [
      measure(),
      measure({ id: '00000000-0000-4000-8000-000000000301', title: 'Agency staff rate', actuals: [] }),
    ]
    const { wrapper } = await mountView(MeasureList, `/plans/${ids.plan}`, { measures, planStatus: 'approved' })
    const cards = wrapper.findAll('li.card')
    expect(
      cards.map((card) => [card.get('h3 a').text(), card.get('h3 a').attributes('href'), card.get('h3 + p').text()]),
    ).toEqual([
      ['Voluntary turnover rate', `/measures/${measureId}`, 'At risk (amber)'],
      ['Agency staff rate', '/measures/00000000-0000-4000-8000-000000000301', 'No figures yet'],
    ])
    wrapper.unmount()
  })
})
