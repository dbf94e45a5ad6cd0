import { beforeEach, describe, expect, it } from 'vitest'
import type { Component } from 'vue'
import type { Measure, Risk, Role } from '../../../shared/entities'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { person } from '../../../../tests/support/plan-records'
import { addThreadRecords, futures, improvementPlan, milestone, rec7, safe, uuid } from '../golden-thread/test-thread'
import OutcomeView from '../golden-thread/OutcomeView.vue'
import RecommendationView from '../golden-thread/RecommendationView.vue'
import ThemeView from '../golden-thread/ThemeView.vue'
import MilestoneView from '../milestone/MilestoneView.vue'
import PlanView from '../plan/PlanView.vue'
import PlansView from '../plan/PlansView.vue'

const kept = { source: null, sourceNote: null, archivedAt: null }
const measure: Measure = {
  id: uuid(960),
  version: 1,
  planId: improvementPlan.id,
  title: 'Re-referrals within a year',
  unit: 'percent',
  direction: 'lower-is-better',
  comparison: null,
  baseline: null,
  targets: [],
  actuals: [],
  ownerPersonId: null,
  tolerancePercent: 10,
  benchmarks: [],
  themeIds: [],
  actionIds: [],
  ...kept,
}
const risk: Risk = {
  id: uuid(961),
  version: 1,
  planId: improvementPlan.id,
  title: 'Caseloads',
  description: 'Caseloads rise beyond what social workers can hold.',
  mitigations: [],
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
  ...kept,
  position: 0,
}

async function signedInAs(role: Role) {
  const session = await deviceWithPlan()
  await writeMeta(localDb, 'session', { ...session, person: { ...person, role } })
  await addThreadRecords()
  await localDb.measures.put(measure)
  await localDb.risks.put(risk)
}

/** The page's links into the plan admin's screens, each as its accessible name and address. */
async function adminLinksOn(view: Component, props: Record<string, unknown>, loaded: string) {
  const { wrapper } = await mountView(view, '/', props)
  try {
    await settle(() => wrapper.text().includes(loaded))
    return wrapper
      .findAll('a')
      .map((a) => [a.text(), decodeURIComponent(a.attributes('href') ?? '')])
      .filter(([, href]) => /^\/(edit|add)\/|\/archived$/.test(href!))
  } finally {
    wrapper.unmount()
  }
}

const pages: [string, Component, Record<string, unknown>, string][] = [
  ['plan', PlanView, { id: improvementPlan.id }, 'Risk register'],
  ['plans', PlansView, {}, 'Outcomes our plans serve'],
  ['milestone', MilestoneView, { id: milestone.id }, milestone.title],
  ['theme', ThemeView, { id: futures.id }, futures.title],
  ['outcome', OutcomeView, { id: safe.id }, safe.title],
  ['recommendation', RecommendationView, { id: rec7.id }, 'What answers it'],
]

describe('a plan admin’s ways into the forms, on every page of the plan', () => {
  beforeEach(() => signedInAs('admin'))

  it('the plan page: edit the plan, add each kind of record in it, each measure and risk, and the archived list', async () => {
    const links = await adminLinksOn(PlanView, { id: improvementPlan.id }, 'Risk register')
    expect(links).toEqual(
      expect.arrayContaining([
        ['Edit this plan', `/edit/plan/${improvementPlan.id}`],
        ['Add a recommendation', `/add/recommendation?in=${improvementPlan.id}`],
        ['Add an outcome', '/add/outcome'],
        ['Archived records', `/plans/${improvementPlan.id}/archived`],
        [`Edit this measure: ${measure.title}`, `/edit/measure/${measure.id}`],
        [`Edit this risk: ${risk.title}`, `/edit/risk/${risk.id}`],
      ]),
    )
  })

  it('the plans list adds a plan and an outcome, neither in any plan', async () => {
    expect(await adminLinksOn(PlansView, {}, 'Outcomes our plans serve')).toEqual([
      ['Add a plan', '/add/plan'],
      ['Add an outcome', '/add/outcome'],
    ])
  })

  it('a milestone, outcome and recommendation each have their Edit link; a theme adds a project under it', async () => {
    expect(await adminLinksOn(MilestoneView, { id: milestone.id }, milestone.title)).toEqual([
      ['Edit this milestone', `/edit/milestone/${milestone.id}`],
    ])
    expect(await adminLinksOn(OutcomeView, { id: safe.id }, safe.title)).toEqual([
      ['Edit this outcome', `/edit/outcome/${safe.id}`],
    ])
    expect(await adminLinksOn(RecommendationView, { id: rec7.id }, 'What answers it')).toEqual([
      ['Edit this recommendation', `/edit/recommendation/${rec7.id}`],
    ])
    expect(await adminLinksOn(ThemeView, { id: futures.id }, futures.title)).toEqual([
      ['Edit this theme', `/edit/theme/${futures.id}`],
      ['Add a project', `/add/action?in=${futures.planId}&themeId=${futures.id}`],
    ])
  })
})

describe.each(['practitioner', 'viewer'] as const)('a %s', (role) => {
  beforeEach(() => signedInAs(role))

  it.each(pages)('sees no way into the forms on the %s page', async (_name, view, props, loaded) => {
    expect(await adminLinksOn(view, props, loaded)).toEqual([])
  })
})
