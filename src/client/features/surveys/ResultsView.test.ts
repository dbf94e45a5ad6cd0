import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { PublishedResults, ResultsSoFar } from '../../../shared/survey-results'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids, values } from '../../../../tests/support/plan-records'
import ResultsView from './ResultsView.vue'
import { quietSurveyRouteWarnings, testSurvey, uuid } from './test-survey'

const survey = testSurvey()
const [trust, priorities, , oneThing] = survey.questions
const results: PublishedResults = {
  surveyId: survey.id,
  published: true,
  minimumGroup: 10,
  groups: [
    {
      group: { kind: 'organisation', id: 'organisation', name: 'Test Children Trust' },
      withheld: false,
      audience: 40,
      responses: 20,
      responseRatePercent: 50,
      questions: [
        {
          questionId: trust!.id,
          key: trust!.key,
          text: trust!.text,
          kind: 'agreement',
          valueId: values[0]!.id,
          answered: 20,
          favourablePercent: 65,
          distribution: [1, 2, 4, 8, 5],
          previousPercent: 60.3,
          change: 4.7,
        },
        {
          questionId: priorities!.id,
          key: priorities!.key,
          text: priorities!.text,
          kind: 'yes-no',
          valueId: null,
          answered: 20,
          favourablePercent: 70,
          distribution: [6, 14],
          previousPercent: 72.8,
          change: -2.8,
        },
        {
          questionId: oneThing!.id,
          key: oneThing!.key,
          text: oneThing!.text,
          kind: 'free-text',
          valueId: null,
          answered: 2,
          favourablePercent: null,
          distribution: [],
          previousPercent: null,
          change: null,
          comments: ['Protected time for supervision.', 'Tablets that work in homes.'],
        },
      ],
      values: [{ valueId: values[0]!.id, favourablePercent: 65, previousPercent: null, change: null }],
      measures: [
        {
          measureId: uuid(800),
          title: 'Staff who experience our values',
          percent: 65,
          target: { value: 70, by: '2027-03-31' },
          onTrack: false,
        },
        {
          measureId: uuid(801),
          title: 'Staff who say this is a good place to work',
          percent: 80,
          target: { value: 75, by: '2027-03-31' },
          onTrack: true,
        },
      ],
    },
    {
      group: { kind: 'team', id: ids.teamK, name: 'Kingston Disabilities Team' },
      withheld: true,
      reason: 'Fewer than 10 people answered, so results are withheld to keep answers anonymous.',
    },
  ],
}

let wrapper: VueWrapper | undefined
const respond = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

async function open() {
  ;({ wrapper } = await mountView(ResultsView, `/surveys/${survey.id}/results`, { id: survey.id }))
  return wrapper
}
const group = (w: VueWrapper, heading: string) => {
  const section = w.findAll('section').find((s) => s.get('h2').text() === heading)
  if (!section) throw new Error(`no group “${heading}”`)
  return section
}

describe('Survey results', () => {
  beforeEach(async () => {
    await deviceWithPlan()
    await localDb.surveys.put(survey)
    quietSurveyRouteWarnings()
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('fetches the results, keeps them on the device, and shows each group in words and tables', async () => {
    const fetch = vi.fn(() => Promise.resolve(respond(results)))
    vi.stubGlobal('fetch', fetch)
    const w = await open()
    await settle(() => w.findAll('section').length === 2)
    expect(fetch).toHaveBeenCalledWith(`/api/surveys/${survey.id}/results`, expect.objectContaining({ method: 'GET' }))
    expect(w.get('h1').text()).toBe(`Results: ${survey.title}`)
    expect(w.text()).toMatch(/Results as of today at \d{2}:\d{2}/)
    expect(w.text()).toContain('The survey has closed and takes no more answers, so these results are final.')
    const cached = await localDb.surveyResults.get(survey.id)
    expect(cached?.results).toEqual(results)
    expect(Date.now() - Date.parse(cached!.fetchedAt)).toBeLessThan(60_000)

    // A withheld group gives its reason and nothing else.
    const team = group(w, 'Kingston Disabilities Team (team)')
    expect(team.text()).toContain(
      'Withheld. Fewer than 10 people answered, so results are withheld to keep answers anonymous.',
    )
    expect(team.find('table').exists()).toBe(false)

    const org = group(w, 'Test Children Trust (the whole organisation)')
    expect(org.text()).toContain('Response rate: 50% (20 of 40 people answered)')
    const measures = org
      .findAll('h3')
      .find((h) => h.text() === 'Plan measures')!
      .element.nextElementSibling!.textContent!.replace(/\s+/g, ' ')
    expect(measures).toContain('Staff who experience our values: 65%, target 70% by 31 March 2027 · Off track')
    expect(measures).toContain(
      'Staff who say this is a good place to work: 80%, target 75% by 31 March 2027 · On track',
    )
    expect(org.text().replace(/\s+/g, ' ')).toContain('Trust: 65% favourable, no earlier round')
    expect(org.text().replace(/\s+/g, ' ')).toContain('65% favourable, up 4.7 points (20 answered)')
    expect(org.text().replace(/\s+/g, ' ')).toContain('70% favourable, down 2.8 points (20 answered)')

    // Each closed question: a decorative chart, and a real table with the distribution.
    const tables = org.findAll('table')
    expect(tables).toHaveLength(2)
    const table = tables[0]!
    expect(table.get('caption').text()).toBe(`Answers to “${trust!.text}”, Test Children Trust`)
    expect(table.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([
      ['Answer', 'col'],
      ['People', 'col'],
      ['Share', 'col'],
    ])
    const rows = table
      .findAll('tbody tr')
      .map((tr) => [tr.get('th').attributes('scope'), ...tr.findAll('th, td').map((c) => c.text())])
    expect(rows).toEqual([
      ['row', 'Strongly disagree', '1', '5%'],
      ['row', 'Disagree', '2', '10%'],
      ['row', 'Neither agree nor disagree', '4', '20%'],
      ['row', 'Agree', '8', '40%'],
      ['row', 'Strongly agree', '5', '25%'],
    ])
    const chart = org.findAll('.chart')[0]!
    expect(chart.attributes('aria-hidden')).toBe('true')
    expect(chart.findAll('.bar').map((bar) => bar.attributes('style'))).toEqual([
      'width: 5%;',
      'width: 10%;',
      'width: 20%;',
      'width: 40%;',
      'width: 25%;',
    ])

    // Free text: the comments as a list.
    expect(org.findAll('.comments li').map((li) => li.text())).toEqual([
      'Protected time for supervision.',
      'Tablets that work in homes.',
    ])
  })

  it('while the survey is open, shows only how many have answered and when results appear, and why', async () => {
    const soFar: ResultsSoFar = {
      surveyId: survey.id,
      published: false,
      opensOn: survey.opensOn,
      closesOn: '2099-03-20',
      responses: 23,
      audience: 160,
      responseRatePercent: 14.4,
    }
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(respond(soFar))),
    )
    const w = await open()
    await settle(() => w.text().includes('so far'))
    expect(w.text()).toContain(
      'Results appear when the survey closes on 20 March 2099; 23 responses so far (14.4% of 160 people).',
    )
    expect(w.text()).toContain(
      'While a survey is open nobody sees any group’s results or comments, only how many have answered',
    )
    expect(w.find('section').exists()).toBe(false)
    expect(w.find('table').exists()).toBe(false)
    expect((await localDb.surveyResults.get(survey.id))?.results).toEqual(soFar)
  })

  it('once the closing date has passed, says the results are on their way', async () => {
    const soFar: ResultsSoFar = {
      surveyId: survey.id,
      published: false,
      opensOn: '2020-03-01',
      closesOn: '2020-03-20',
      responses: 1,
      audience: 1,
      responseRatePercent: 100,
    }
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(respond(soFar))),
    )
    const w = await open()
    await settle(() => w.text().includes('closed on'))
    expect(w.text()).toContain(
      'The survey closed on 20 March 2020; its results appear within a few minutes. 1 response (100% of 1 person).',
    )
  })

  it('offline, shows the copy kept on the device and when it was fetched', async () => {
    await localDb.surveyResults.put({ surveyId: survey.id, results, fetchedAt: '2026-03-03T16:05:00Z' })
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const w = await open()
    await settle(() => w.text().includes('you are offline'))
    expect(w.text()).toMatch(
      /Results as of 3 Mar, \d{2}:\d{2}, the last time this device fetched them \(you are offline\)/,
    )
    expect(w.findAll('section')).toHaveLength(2)
  })

  it('offline with nothing kept, says results need a connection', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const w = await open()
    await settle(() => w.text().includes('Results need a connection.'))
    expect(w.find('section').exists()).toBe(false)
  })
})
