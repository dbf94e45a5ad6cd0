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

  it('lists every unanswered question at once, the GOV.UK way, and sends nothing', async () => {
    const w = await open()
    const title = 'Survey · Golden Thread'
    document.title = title
    await radio(w, trust!.id, 4).setValue(true)
    await w.get('form').trigger('submit')
    await settle(() => w.find('[role="alert"]').exists())
    const summary = w.get('[role="alert"]')
    expect(summary.get('h2').text()).toBe('There is a problem')
    expect(summary.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      [`Select an answer to question 2, “${priorities!.text}”`, `#q-${priorities!.id}-0`],
      [`Select an answer to question 3, “${recommend!.text}”`, `#q-${recommend!.id}-0`],
    ])
    expect(document.activeElement).toBe(summary.element)
    expect(document.title).toBe(`Error: ${title}`)
    // Beside each unanswered question, tied to its group; the answered one and the optional one have none.
    for (const question of [priorities!, recommend!]) {
      const error = w.get(`#q-${question.id}-0-error`)
      expect(error.text()).toBe('Error: Select an answer')
      expect(error.element.closest('fieldset')!.getAttribute('aria-describedby')).toBe(`q-${question.id}-0-error`)
      expect(radio(w, question.id, 0).attributes('aria-invalid')).toBe('true')
    }
    expect(w.find(`#q-${trust!.id}-0-error`).exists()).toBe(false)
    expect(w.find(`#q-${oneThing!.id}-error`).exists()).toBe(false)
    // The button stays a button that can be pressed: it is how the person finds out.
    expect(w.get('button[type="submit"]').attributes('disabled')).toBeUndefined()

    await summary.findAll('a')[1]!.trigger('click')
    expect(document.activeElement?.id).toBe(`q-${recommend!.id}-0`)
    expect(await localDb.outbox.count()).toBe(0)
    expect(await localDb.answeredSurveys.count()).toBe(0)

    // Answered and sent, the summary goes and so does the title's "Error: ".
    await radio(w, priorities!.id, 1).setValue(true)
    await radio(w, recommend!.id, 8).setValue(true)
    await w.get('form').trigger('submit')
    await settle(() => w.text().includes('Thank you.'))
    expect(w.find('.error-summary').exists()).toBe(false)
    expect(document.title).toBe(title)
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
    await settle(() =>
      w.text().includes('Your answers are saved on this device and will be sent when it has a connection.'),
    )
    expect(document.activeElement).toBe(w.get('[role="status"]').element)

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

  it('says when the answers have gone: the outbox row leaves once the server applied them', async () => {
    const w = await open()
    for (const [question, index] of [
      [trust!, 3],
      [priorities!, 0],
      [recommend!, 10],
    ] as const)
      await radio(w, question.id, index).setValue(true)
    await w.get('form').trigger('submit')
    const saved = 'Your answers are saved on this device and will be sent when it has a connection.'
    await settle(() => w.text().includes(saved))
    expect(w.text()).not.toContain('Your answers have been sent.')

    // The server refuses them (the survey closed meanwhile, say): the person is told, with the reason.
    const [entry] = await localDb.outbox.toArray()
    await localDb.outbox.update(entry!.seq!, { state: 'refused', reason: 'This survey has closed.' })
    await settle(() => w.text().includes('Your answers could not be sent: This survey has closed.'))

    // Sent again and applied, the push deletes the row.
    await localDb.outbox.delete(entry!.seq!)
    await settle(() => w.text().includes('Your answers have been sent.'))
    expect(w.text()).not.toContain(saved)
    wrapper!.unmount()

    // Coming back later, the page says the same.
    const again = await open()
    expect(again.text()).toContain('You have answered this survey.')
    await settle(() => again.text().includes('Your answers have been sent.'))
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
