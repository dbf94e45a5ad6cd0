import { beforeEach, describe, expect, it } from 'vitest'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids } from '../../../../tests/support/plan-records'
import { localDb } from '../../db/database'
import RiskRegisterView from './RiskRegisterView.vue'
import { addTestRisks, documentRisk, fallingRisk } from './test-risks'

beforeEach(async () => {
  await deviceWithPlan()
  await addTestRisks()
})

const textOf = (cell: { text(): string }) => cell.text().replace(/\s+/g, ' ').trim()

async function openRegister() {
  const { wrapper } = await mountView(RiskRegisterView, `/plans/${ids.plan}/risks`, { id: ids.plan })
  await settle(() => wrapper.find('.risk-table tbody tr').exists())
  return wrapper
}

describe("a plan's risk register on the device", () => {
  it('places each risk in the heat map cell of its residual rating where rated, else its inherent, with words', async () => {
    const wrapper = await openRegister()
    const map = wrapper.get('.heat-map table')
    expect(map.findAll('thead th[scope="col"]').map(textOf)).toEqual([
      'Impact: Negligible (1)',
      'Impact: Minor (2)',
      'Impact: Moderate (3)',
      'Impact: Major (4)',
      'Impact: Severe (5)',
    ])
    const rows = map.findAll('tbody tr')
    expect(rows.map((row) => textOf(row.get('th[scope="row"]')))).toEqual([
      'Likelihood: Almost certain (5)',
      'Likelihood: Likely (4)',
      'Likelihood: Possible (3)',
      'Likelihood: Unlikely (2)',
      'Likelihood: Rare (1)',
    ])
    const cell = (likelihood: number, impact: number) => rows[5 - likelihood]!.findAll('td')[impact - 1]!
    const said = (likelihood: number, impact: number) => cell(likelihood, impact).findAll('p, li').map(textOf)
    expect(said(2, 3)).toEqual(['6, medium', 'Placement costs rise'])
    expect(cell(2, 3).get('a').attributes('href')).toBe(`/risks/${fallingRisk.id}`)
    expect(said(5, 4)).toEqual(['20, very high', 'School places'])
    expect(said(4, 4)).toEqual(['16, very high', 'No risks'])
    // The archived risk is out of the register; the unrated one is counted, not placed.
    expect(map.findAll('a')).toHaveLength(2)
    expect(wrapper.text()).not.toContain('Old risk')
    expect(wrapper.text()).toContain('1 risk is not rated yet, so not on the heat map')
    wrapper.unmount()
  })

  it('lists every risk in the table alternative: scores, band, movement in words and an overdue review', async () => {
    const wrapper = await openRegister()
    const table = wrapper.get('.risk-table')
    expect(table.findAll('thead th').map(textOf)).toEqual([
      'Risk',
      'Owner',
      'Inherent score',
      'Residual score',
      'Band',
      'Movement since the last quarter',
      'Review date',
    ])
    const rows = table.findAll('tbody tr').map((row) => row.findAll('th, td').map(textOf))
    expect(rows).toEqual([
      [
        'Placement costs rise Increasing placements lead to increasing costs.',
        'Head of Finance',
        '16',
        '6',
        'Medium',
        '↓ Down from 9',
        '31 March 2099',
      ],
      ['School places Risk number 2', 'Not given', '20', 'Not rated', 'Very high', '+ New', 'Not given'],
      [
        'Families choose schools elsewhere.',
        'Not given',
        'Not rated',
        'Not rated',
        'Not rated',
        'Not rated',
        '31 January 2020 (review overdue)',
      ],
    ])
    // The arrow is for the eye: a screen reader hears the words alone.
    expect(table.findAll('tbody tr')[0]!.get('[aria-hidden="true"]').text()).toBe('↓')
    expect(table.get('tbody tr th a').attributes('href')).toBe(`/risks/${fallingRisk.id}`)
    wrapper.unmount()
  })

  it('follows a rating as it lands on the device', async () => {
    const wrapper = await openRegister()
    await localDb.risks.update(documentRisk.id, { residualLikelihood: 1, residualImpact: 2 })
    await settle(() => wrapper.findAll('.heat-map tbody tr')[4]!.findAll('td')[1]!.text().includes('School places'))
    wrapper.unmount()
  })
})
