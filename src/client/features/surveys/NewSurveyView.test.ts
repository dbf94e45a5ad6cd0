import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids, values } from '../../../../tests/support/plan-records'
import NewSurveyView from './NewSurveyView.vue'
import { quietSurveyRouteWarnings, testSurvey, uuid } from './test-survey'

let wrapper: VueWrapper | undefined

function labelled(w: VueWrapper, text: string): Omit<DOMWrapper<HTMLInputElement>, 'exists'> {
  const label = w.findAll('label').find((l) => l.text() === text)
  if (!label) throw new Error(`no label “${text}”`)
  return w.get<HTMLInputElement>(`[id="${label.attributes('for')}"]`)
}
const button = (w: VueWrapper, text: string) => {
  const found = w.findAll('button').find((b) => b.text() === text)
  if (!found) throw new Error(`no button “${text}”`)
  return found
}

describe('New survey', () => {
  beforeEach(async () => {
    const session = await deviceWithPlan()
    await writeMeta(localDb, 'session', { ...session, person: { ...session.person, role: 'admin' } })
    await localDb.surveys.put(
      testSurvey({ id: uuid(701), title: 'Spring round', opensOn: '2025-01-01', closesOn: '2025-01-31' }),
    )
    await localDb.measures.put({
      id: uuid(800),
      version: 1,
      planId: ids.plan,
      title: 'Staff who experience our values',
      unit: 'percent',
      direction: 'higher-is-better',
      comparison: null,
      baseline: null,
      targets: [{ value: 70, by: '2027-03-31' }],
      actuals: [],
      ownerPersonId: null,
      tolerancePercent: 10,
      benchmarks: [],
      source: 'Staff survey',
      sourceNote: null,
      archivedAt: null,
      themeIds: [],
      actionIds: [],
    })
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

  it('is only for plan admins', async () => {
    await deviceWithPlan()
    ;({ wrapper } = await mountView(NewSurveyView))
    expect(wrapper.text()).toContain('Only plan admins can create surveys.')
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('explains problems in words, then queues survey.create and goes back to the list', async () => {
    let router
    ;({ wrapper, router } = await mountView(NewSurveyView, '/surveys/new'))
    const w = wrapper
    await settle(() => w.find('form').exists())
    await w.get('form').trigger('submit')
    await settle(() => w.find('[role="alert"]').exists())
    const alert = () =>
      w
        .get('[role="alert"]')
        .findAll('li')
        .map((li) => li.text())
    expect(alert()).toEqual(['Title: write at least 3 characters.', 'Add at least one question.'])
    // Each links to where it is put right, and says it there too.
    expect(w.findAll('[role="alert"] a').map((a) => a.attributes('href'))).toEqual(['#survey-title', '#add-values'])
    expect(document.activeElement).toBe(w.get('[role="alert"]').element)
    expect(w.get('#survey-title-error').text()).toBe('Error: Title: write at least 3 characters.')
    expect(w.get('#survey-title').attributes()).toMatchObject({
      'aria-invalid': 'true',
      'aria-describedby': 'survey-title-error',
    })
    expect(w.get('#add-values-error').text()).toBe('Error: Add at least one question.')
    expect(w.get('button[type="submit"]').attributes('disabled')).toBeUndefined()
    await w.findAll('[role="alert"] a')[1]!.trigger('click')
    expect(document.activeElement?.id).toBe('add-values')

    await labelled(w, 'Title').setValue('Values survey, test')
    await button(w, 'Add one agreement question per value').trigger('click')
    expect(w.findAll('.question')).toHaveLength(3)
    expect(labelled(w, 'Question 1 key').element.value).toBe('value-trust')
    await button(w, 'Add a yes/no question').trigger('click')
    await labelled(w, 'Question 4 text').setValue('Do you know your priorities?')
    await labelled(w, 'Question 4 key').setValue('know-priorities')
    await labelled(w, 'Minimum reporting group').setValue('4')
    await labelled(w, 'Staff who experience our values').setValue(true)
    await labelled(w, 'Previous round').setValue(uuid(701))
    await w.get('form').trigger('submit')
    await settle(() => alert().length === 1)
    expect(alert()).toEqual(['The minimum reporting group can never be below 5.'])
    expect(w.get('[role="alert"] a').attributes('href')).toBe('#survey-minimum')
    expect(w.get('#survey-minimum').attributes('aria-describedby')).toBe('survey-minimum-hint survey-minimum-error')
    expect(w.find('#survey-title-error').exists()).toBe(false)
    expect(await localDb.outbox.count()).toBe(0)

    await labelled(w, 'Minimum reporting group').setValue('12')
    await labelled(w, 'Chosen teams').setValue(true)
    await labelled(w, 'Kingston Disabilities Team').setValue(true)
    await w.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/surveys'))
    const [entry] = await localDb.outbox.toArray()
    expect(entry!.mutation.kind).toBe('survey.create')
    const data = entry!.mutation.data as Record<string, unknown>
    expect(data).toMatchObject({
      title: 'Values survey, test',
      audience: { kind: 'teams', teamIds: [ids.teamK] },
      minimumGroup: 12,
      previousSurveyId: uuid(701),
      measureLinks: [{ measureId: uuid(800), questionKeys: ['value-trust', 'value-respect', 'value-empower'] }],
    })
    expect(
      (data.questions as { key: string; kind: string; valueId: string | null }[]).map((q) => [
        q.key,
        q.kind,
        q.valueId,
      ]),
    ).toEqual([
      ['value-trust', 'agreement', values[0]!.id],
      ['value-respect', 'agreement', values[1]!.id],
      ['value-empower', 'agreement', values[2]!.id],
      ['know-priorities', 'yes-no', null],
    ])
  })
})
