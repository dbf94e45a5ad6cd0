import { beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Role } from '../../../shared/entities'
import { quarterOf } from '../../../shared/sync/quarter'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { actions, person, themes } from '../../../../tests/support/plan-records'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import RiskView from './RiskView.vue'
import { addTestRisks, documentRisk, fallingRisk } from './test-risks'

async function signedInAs(role: Role, id = person.id) {
  const session = await deviceWithPlan()
  const who = { ...person, id, role }
  await localDb.people.put(who)
  await writeMeta(localDb, 'session', { ...session, person: who })
  await addTestRisks()
}

async function openRisk(id: string) {
  const { wrapper } = await mountView(RiskView, `/risks/${id}`, { id })
  await settle(() => wrapper.find('h1').exists() && wrapper.text().includes('Ratings by quarter'))
  return wrapper
}

const choose = async (wrapper: VueWrapper, id: string) => wrapper.get(`#${id}`).setValue(true)

describe('a risk’s page', () => {
  it('shows what the risk is, its current rating in words, its links and its ratings by quarter', async () => {
    await signedInAs('practitioner')
    const wrapper = await openRisk(fallingRisk.id)
    expect(wrapper.get('h1').text()).toBe('Placement costs rise')
    const facts = wrapper.get('dl.facts').text()
    expect(facts).toContain('Likely (4) × Major (4) = 16, very high')
    expect(facts).toContain('Unlikely (2) × Moderate (3) = 6, medium')
    expect(facts).toContain('Down from 9')
    expect(facts).toContain('Head of Finance')
    expect(facts).toContain('31 March 2099')
    expect(wrapper.get(`dl.facts a[href="/themes/${themes[0]!.id}"]`).text()).toBe('Stronger families')
    expect(wrapper.get(`dl.facts a[href="/plan/actions/${actions[1]!.id}"]`).text()).toContain('K1')
    expect(wrapper.text()).toContain('Scrutinise every external placement')
    const history = wrapper.get('section[aria-labelledby="rating-history-heading"] tbody')
    expect(history.findAll('tr').map((row) => row.get('th').text())).toEqual(['2026/27 Q3', '2026/27 Q2'])
    expect(history.findAll('tr')[1]!.text()).toContain('Possible (3) × Moderate (3) = 9, medium')
    expect(history.findAll('tr')[0]!.text()).toContain('Panel in place')
    expect(history.findAll('tr')[0]!.text()).toContain('Alex Test')
    wrapper.unmount()
  })

  it('gives the person who rates it the form, and no Edit links, since those are for plan admins', async () => {
    await signedInAs('practitioner')
    const wrapper = await openRisk(fallingRisk.id)
    expect(wrapper.find('#rate-heading').exists()).toBe(true)
    expect(wrapper.text()).not.toContain('Edit this risk')
    wrapper.unmount()
  })

  it('gives a viewer, or anyone else who does not rate it, no form to change anything', async () => {
    await signedInAs('viewer')
    const viewing = await openRisk(fallingRisk.id)
    expect(viewing.find('form').exists()).toBe(false)
    expect(viewing.find('input').exists()).toBe(false)
    viewing.unmount()
    await signedInAs('practitioner')
    const someoneElse = await openRisk(documentRisk.id)
    expect(someoneElse.find('form').exists()).toBe(false)
    expect(someoneElse.text()).toContain('The person who rates this risk, or a plan admin, rates it each quarter.')
    someoneElse.unmount()
  })
})

describe('rating a risk on the device', () => {
  beforeEach(() => signedInAs('admin'))

  it('refuses a rating without likelihood and impact the GOV.UK way, and queues nothing', async () => {
    const wrapper = await openRisk(documentRisk.id)
    expect(wrapper.text()).toContain('Edit this risk')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.find('.error-summary').exists())
    const links = wrapper.findAll('.error-summary a')
    expect(links.map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Select how likely the risk is', '#rate-likelihood-1'],
      ['Select how great its impact would be', '#rate-impact-1'],
    ])
    expect(wrapper.get('#rate-likelihood-1-error').text()).toBe('Error: Select how likely the risk is')
    expect(await localDb.outbox.count()).toBe(0)
    wrapper.unmount()
  })

  it('refuses a residual likelihood without its impact, as the server would', async () => {
    const wrapper = await openRisk(documentRisk.id)
    await choose(wrapper, 'rate-likelihood-4')
    await choose(wrapper, 'rate-impact-4')
    await choose(wrapper, 'rate-residual-likelihood-2')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.find('.error-summary').exists())
    expect(wrapper.get('.error-summary').text()).toContain('Give both the residual likelihood and impact, or neither.')
    expect(await localDb.outbox.count()).toBe(0)
    wrapper.unmount()
  })

  it('queues a rating and shows it at once: current rating, this quarter in its history, waiting to send', async () => {
    const wrapper = await openRisk(documentRisk.id)
    await choose(wrapper, 'rate-likelihood-3')
    await choose(wrapper, 'rate-impact-5')
    await choose(wrapper, 'rate-residual-likelihood-2')
    await choose(wrapper, 'rate-residual-impact-4')
    await wrapper.get('#rate-note').setValue('New admissions policy agreed')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.text().includes('Rating saved on this device'))
    const [queued] = await localDb.outbox.toArray()
    expect(queued!.mutation).toMatchObject({
      kind: 'risk.assess',
      data: {
        riskId: documentRisk.id,
        likelihood: 3,
        impact: 5,
        residualLikelihood: 2,
        residualImpact: 4,
        note: 'New admissions policy agreed',
      },
    })
    await settle(() => wrapper.get('dl.facts').text().includes('Possible (3) × Severe (5) = 15, very high'))
    expect(wrapper.get('dl.facts').text()).toContain('Unlikely (2) × Major (4) = 8, medium')
    const latest = wrapper.get('section[aria-labelledby="rating-history-heading"] tbody tr')
    expect(latest.get('th').text()).toContain(quarterOf(new Date()))
    expect(latest.text()).toContain('Waiting to send')
    expect(latest.text()).toContain('New admissions policy agreed')
    // The form is ready for another rating.
    expect((wrapper.get('#rate-likelihood-3').element as HTMLInputElement).checked).toBe(false)
    expect((wrapper.get('#rate-residual-likelihood-none').element as HTMLInputElement).checked).toBe(true)
    wrapper.unmount()
  })
})
