import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import SurveysView from './SurveysView.vue'
import { quietSurveyRouteWarnings, testSurvey, uuid } from './test-survey'

let wrapper: VueWrapper | undefined
const texts = (w: VueWrapper, selector: string) => w.findAll(selector).map((e) => e.text().replace(/\s+/g, ' ').trim())

describe('Surveys list', () => {
  beforeEach(async () => {
    await deviceWithPlan()
    quietSurveyRouteWarnings()
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await localDb.surveys.bulkPut([
      testSurvey({ id: uuid(700), title: 'Autumn round' }),
      testSurvey({ id: uuid(701), title: 'Spring round', opensOn: '2025-01-01', closesOn: '2025-01-31' }),
      testSurvey({ id: uuid(702), title: 'Next round', opensOn: '2099-01-01', closesOn: '2099-01-31' }),
    ])
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('groups surveys by state, with links to answer and to results; no admin controls for a practitioner', async () => {
    ;({ wrapper } = await mountView(SurveysView))
    const w = wrapper
    await settle(() => w.findAll('h3').length === 3)
    expect(texts(w, 'h2')).toEqual(['Open now (1)', 'Opening later (1)', 'Closed (1)'])
    expect(texts(w, 'h3')).toEqual(['Autumn round', 'Next round', 'Spring round'])
    expect(texts(w, 'a')).toEqual(['Answer Autumn round', 'Results of Autumn round', 'Results of Spring round'])
    expect(w.text()).not.toContain('New survey')
    expect(w.text()).not.toContain('Close now')

    await localDb.answeredSurveys.put({ surveyId: uuid(700) })
    await settle(() => !w.text().includes('Answer Autumn round'))
    expect(w.text()).toContain('You have answered')
  })

  it('lets a plan admin start a new survey and close an open one, after confirming', async () => {
    const session = await deviceWithPlan()
    await writeMeta(localDb, 'session', { ...session, person: { ...session.person, role: 'admin' } })
    await localDb.surveys.put(testSurvey({ id: uuid(700), title: 'Autumn round' }))
    ;({ wrapper } = await mountView(SurveysView))
    const w = wrapper
    await settle(() => w.find('h3').exists())
    expect(w.get('a.button').text()).toBe('New survey')
    const close = w.findAll('button').find((b) => b.text() === 'Close now: Autumn round')!
    await close.trigger('click')
    expect(w.text()).toContain('Close “Autumn round” today? Nobody can answer it after that.')
    await w
      .findAll('button')
      .find((b) => b.text() === 'Yes, close it')!
      .trigger('click')
    await settle(() => w.text().includes('Closing: waiting to send.'))
    const entries = await localDb.outbox.toArray()
    expect(entries.map((e) => e.mutation)).toMatchObject([{ kind: 'survey.close', data: { surveyId: uuid(700) } }])
    expect(w.findAll('button').some((b) => b.text().startsWith('Close now'))).toBe(false)
  })
})
