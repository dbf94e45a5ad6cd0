import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids } from '../../../../tests/support/plan-records'
import OpenSurveys from './OpenSurveys.vue'
import { quietSurveyRouteWarnings, testSurvey, uuid } from './test-survey'

let wrapper: VueWrapper | undefined
const respond = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })

describe('Surveys open to you (on My team)', () => {
  beforeEach(async () => {
    await deviceWithPlan()
    quietSurveyRouteWarnings()
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('lists open surveys for the person, with closing date and a link, and hides answered, closed, upcoming and other teams’', async () => {
    await localDb.surveys.bulkPut([
      testSurvey({ id: uuid(700), title: 'Open round', closesOn: '2099-06-30' }),
      testSurvey({ id: uuid(701), title: 'Answered round' }),
      testSurvey({ id: uuid(702), title: 'Closed round', opensOn: '2025-01-01', closesOn: '2025-01-31' }),
      testSurvey({ id: uuid(703), title: 'Later round', opensOn: '2099-01-01', closesOn: '2099-01-31' }),
      testSurvey({ id: uuid(704), title: 'Richmond round', audience: { kind: 'teams', teamIds: [ids.teamR] } }),
      testSurvey({
        id: uuid(705),
        title: 'Kingston round',
        audience: { kind: 'areas', areaIds: [ids.kingston] },
        closesOn: '2099-07-31',
      }),
    ])
    await localDb.answeredSurveys.put({ surveyId: uuid(701) })
    ;({ wrapper } = await mountView(OpenSurveys))
    const w = wrapper
    await settle(() => w.find('h2').exists())
    expect(w.get('h2').text()).toBe('Surveys open to you')
    expect(w.findAll('li').map((li) => li.get('strong').text())).toEqual(['Open round', 'Kingston round'])
    expect(w.findAll('li')[0]!.text()).toContain('closes 30 June 2099')
    const link = w.get('a')
    expect(link.text()).toBe('Answer Open round')
    expect(link.attributes('href')).toBe(`/surveys/${uuid(700)}`)
  })

  it('renders nothing when no survey is open to the person', async () => {
    await localDb.surveys.put(testSurvey({ opensOn: '2025-01-01', closesOn: '2025-01-31' }))
    ;({ wrapper } = await mountView(OpenSurveys))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(wrapper.html()).toBe('<!--v-if-->')
  })

  it('hides a survey answered on another device, once the server says so', async () => {
    await localDb.surveys.put(testSurvey())
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(respond({ surveyIds: [uuid(700)] }))),
    )
    ;({ wrapper } = await mountView(OpenSurveys))
    await vi.waitFor(async () => expect(await localDb.answeredSurveys.get(uuid(700))).toEqual({ surveyId: uuid(700) }))
    const w = wrapper
    await settle(() => !w.find('h2').exists())
  })
})
