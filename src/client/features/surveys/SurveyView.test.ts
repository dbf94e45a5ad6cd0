import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids } from '../../../../tests/support/plan-records'
import SurveyView from './SurveyView.vue'
import { quietSurveyRouteWarnings, testSurvey, uuid } from './test-survey'

const survey = testSurvey()
const [trust, priorities, recommend, oneThing] = survey.questions
const anonymity =
  'Your answers are anonymous. They are stored without your name, your device or the time you answered, and results are only shown for groups of at least 10 people.'

let wrapper: VueWrapper | undefined

async function open(id = survey.id) {
  ;({ wrapper } = await mountView(SurveyView, `/surveys/${id}`, { id }))
  const w = wrapper
  await settle(() => w.find('h1').exists())
  return w
}
const radio = (w: VueWrapper, questionId: string, index: number) => w.get<HTMLInputElement>(`#q-${questionId}-${index}`)

describe('Answering a survey', () => {
  beforeEach(async () => {
    await deviceWithPlan()
    await localDb.surveys.put(survey)
    // No connection: nothing here needs one.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    quietSurveyRouteWarnings()
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('shows the introduction, the promise of anonymity, and every question as a labelled group', async () => {
    const w = await open()
    expect(w.get('h1').text()).toBe(survey.title)
    expect(w.text()).toContain(survey.introduction)
    expect(w.get('[role="note"]').text()).toContain(anonymity)
    const legends = w.findAll('fieldset legend').map((l) => l.text())
    expect(legends).toEqual(survey.questions.map((q, n) => `${n + 1}. ${q.text}`))
    // Agreement: five labelled choices; yes/no: two; 0-10: eleven; free text: a labelled box.
    const labels = (questionId: string) =>
      w.findAll(`input[name="q-${questionId}"]`).map((input) => w.get(`label[for="${input.attributes('id')}"]`).text())
    expect(labels(trust!.id)).toEqual([
      'Strongly disagree',
      'Disagree',
      'Neither agree nor disagree',
      'Agree',
      'Strongly agree',
    ])
    expect(labels(priorities!.id)).toEqual(['No', 'Yes'])
    expect(labels(recommend!.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    const box = w.get(`textarea#q-${oneThing!.id}`)
    expect(box.attributes('aria-labelledby')).toBe(`legend-${oneThing!.id} label-${oneThing!.id}`)
    expect(w.get(`#label-${oneThing!.id}`).text()).toBe('Your answer (optional)')
    expect(w.get('button[type="submit"]').text()).toBe('Send my answers')
  })

  it('saves the answers on the device as they change, as plain data, and shows them again', async () => {
    const w = await open()
    expect(w.get('[role="status"]').text()).toBe('')
    await radio(w, trust!.id, 3).setValue(true)
    await vi.waitFor(async () =>
      expect((await localDb.surveyDrafts.get(survey.id))?.answers).toEqual({ [trust!.id]: 3 }),
    )
    await settle(() => w.text().includes('Saved on this device'))
    await w.get(`textarea#q-${oneThing!.id}`).setValue('More time for supervision')
    await vi.waitFor(async () =>
      expect((await localDb.surveyDrafts.get(survey.id))?.answers).toEqual({
        [trust!.id]: 3,
        [oneThing!.id]: 'More time for supervision',
      }),
    )
    wrapper!.unmount()

    // Opened again (a reload, say): the answers so far are still chosen.
    const again = await open()
    expect(radio(again, trust!.id, 3).element.checked).toBe(true)
    expect(radio(again, trust!.id, 2).element.checked).toBe(false)
    expect((again.get(`textarea#q-${oneThing!.id}`).element as HTMLTextAreaElement).value).toBe(
      'More time for supervision',
    )
    expect(again.text()).toContain('Saved on this device')
  })

  it('refuses to send while a question is unanswered, and says which', async () => {
    const w = await open()
    await radio(w, trust!.id, 4).setValue(true)
    await w.get('form').trigger('submit')
    await settle(() => w.get('[role="alert"]').text() !== '')
    expect(w.get('[role="alert"]').text()).toBe(`Answer “${priorities!.text}”.`)
    expect(await localDb.outbox.count()).toBe(0)
    expect(await localDb.answeredSurveys.count()).toBe(0)
    expect(document.activeElement?.id).toBe(`q-${priorities!.id}-0`)
  })

  it('sends: one survey.submit change in the outbox, the survey marked answered, the draft gone', async () => {
    const w = await open()
    await radio(w, trust!.id, 4).setValue(true)
    await radio(w, priorities!.id, 1).setValue(true)
    await radio(w, recommend!.id, 8).setValue(true)
    await w.get(`textarea#q-${oneThing!.id}`).setValue('  Tablets that work in homes. ')
    await vi.waitFor(async () =>
      expect(Object.keys((await localDb.surveyDrafts.get(survey.id))?.answers ?? {})).toHaveLength(4),
    )
    await w.get('form').trigger('submit')
    await settle(() => w.text().includes('Thank you. Your answers will be sent when you have a connection.'))

    const entries = await localDb.outbox.toArray()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ personId: ids.person, state: 'waiting' })
    expect(entries[0]!.mutation).toMatchObject({
      kind: 'survey.submit',
      data: {
        surveyId: survey.id,
        answers: {
          [trust!.id]: 4,
          [priorities!.id]: 1,
          [recommend!.id]: 8,
          [oneThing!.id]: 'Tablets that work in homes.',
        },
      },
    })
    expect(await localDb.answeredSurveys.toArray()).toEqual([{ surveyId: survey.id }])
    expect(await localDb.surveyDrafts.get(survey.id)).toBeUndefined()
    expect(w.find('form').exists()).toBe(false)
  })

  it('says so instead of showing the form for a closed survey, and for one already answered', async () => {
    await localDb.surveys.put(testSurvey({ id: uuid(710), opensOn: '2025-01-01', closesOn: '2025-01-31' }))
    const closed = await open(uuid(710))
    expect(closed.text()).toContain('This survey closed on 31 January 2025.')
    expect(closed.find('form').exists()).toBe(false)
    wrapper!.unmount()

    await localDb.answeredSurveys.put({ surveyId: survey.id })
    const answered = await open()
    expect(answered.text()).toContain('You have answered this survey.')
    expect(answered.find('form').exists()).toBe(false)
  })

  it('does not offer a survey for other teams', async () => {
    await localDb.surveys.put(testSurvey({ id: uuid(711), audience: { kind: 'teams', teamIds: [ids.teamR] } }))
    const w = await open(uuid(711))
    expect(w.text()).toContain('This survey is for other teams')
    expect(w.find('form').exists()).toBe(false)
  })
})
