import { beforeEach, describe, expect, it } from 'vitest'
import type { Risk, Section } from '../../../shared/entities'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { addThreadRecords, improvementPlan, rec12, rec9, uuid } from '../golden-thread/test-thread'
import { localDb } from '../../db/database'
import PlanView from './PlanView.vue'

const provenance = { source: null, sourceNote: null, archivedAt: null }
const risk: Risk = {
  id: uuid(860),
  version: 1,
  planId: improvementPlan.id,
  title: null,
  description: 'Maximum caseload levels exceeded for social workers.',
  mitigations: ['Weekly caseload review', 'Agency cover agreed'],
  owner: null,
  likelihood: null,
  impact: null,
  residualLikelihood: null,
  residualImpact: null,
  reviewDate: null,
  ownerPersonId: null,
  assessments: [],
  themeIds: [],
  actionIds: [],
  ...provenance,
  position: 0,
}
const budget: Section = {
  id: uuid(861),
  version: 1,
  planId: improvementPlan.id,
  kind: 'budget',
  title: 'Budget by team',
  paragraphs: [],
  items: [],
  table: {
    caption: 'Revenue budget 2017-2018',
    columns: ['Team', 'Budget £000'],
    rows: [
      ['Early Help', '1,234'],
      ['Grand Total', '92,734'],
    ],
    notes: [],
  },
  ...provenance,
  position: 0,
}

describe("a plan's own parts", () => {
  beforeEach(async () => {
    await deviceWithPlan()
    await addThreadRecords()
    await localDb.risks.put(risk)
    await localDb.sections.put(budget)
  })

  it('lists each recommendation with the themes answering it, and says so where no action does', async () => {
    const { wrapper } = await mountView(PlanView, `/plans/${improvementPlan.id}`, { id: improvementPlan.id })
    await settle(() => wrapper.text().includes('Recommendations this plan answers'))
    const cards = wrapper.findAll('.recommendations > li')
    const card = (number: string) => cards.find((c) => c.get('h3').text().endsWith(` ${number}`))!
    expect(card(rec12.number).text()).toContain('Children who need help and protection')
    expect(card(rec12.number).text()).toContain('Leadership, management and governance')
    expect(card(rec9.number).text()).toContain('No action answers this yet.')
    wrapper.unmount()
  })

  it('shows a risk without likelihood or impact as not rated, never as a made-up score, and links to its page', async () => {
    const { wrapper } = await mountView(PlanView, `/plans/${improvementPlan.id}`, { id: improvementPlan.id })
    await settle(() => wrapper.text().includes('Maximum caseload levels exceeded'))
    const facts = wrapper
      .get('.risks dl')
      .findAll('div')
      .map((row) => row.text())
    expect(facts).toEqual(['OwnerNot given', 'Inherent scoreNot rated', 'Residual scoreNot rated'])
    expect(wrapper.get('.risks h3 a').attributes('href')).toBe(`/risks/${risk.id}`)
    expect(
      wrapper
        .get('.risks')
        .findAll('li li')
        .map((li) => li.text()),
    ).toEqual(risk.mitigations)
    wrapper.unmount()
  })

  it('shows a budget as a table with its caption, column headers and row headers', async () => {
    const { wrapper } = await mountView(PlanView, `/plans/${improvementPlan.id}`, { id: improvementPlan.id })
    await settle(() => wrapper.find('table').exists())
    const table = wrapper.get('table')
    expect(table.get('caption').text()).toBe('Revenue budget 2017-2018')
    expect(table.findAll('th[scope="col"]').map((th) => th.text())).toEqual(['Team', 'Budget £000'])
    expect(table.findAll('th[scope="row"]').map((th) => th.text())).toEqual(['Early Help', 'Grand Total'])
    expect(table.findAll('tbody tr').at(-1)!.get('td').text()).toBe('92,734')
    wrapper.unmount()
  })
})
