import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { RunningApp } from '../support/app-server'
import { newDeviceContext } from '../support/chromium'
import { AppShell, teamName } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { admin, signInAs, waitingBadge } from './page-models/project-page'
import { practitioner, signIn } from './page-models/sign-in-page'
import {
  closedSurvey,
  openSurvey,
  OpenSurveysPanel,
  SurveyAnswerPage,
  SurveyResultsPage,
  SurveysPage,
  type Answer,
} from './page-models/survey-pages'
import { hides, reachesPath, shows } from './page-models/waits'
import { openTestDevice, type TestDevice } from './page-models/test-device'

let world: TestDevice
let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page
let shell: AppShell

beforeAll(async () => {
  world = await openTestDevice('tablet portrait')
  ;({ app, browser, context, page, shell } = world)
})
afterAll(() => world?.close())

/** How many answers the server holds for a survey. */
async function storedAnswers(surveyId: string): Promise<number> {
  const [row] = await app.db.query<{ n: number }>(
    'select coalesce(sum(jsonb_array_length(answers)), 0)::int as n from survey_answer_buckets where survey_id = $1',
    [surveyId],
  )
  return row!.n
}

/** What IndexedDB holds on the device: the outbox's mutation ids and the device id. */
function deviceRecords(on: Page): Promise<{ mutationIds: string[]; deviceId: string | undefined }> {
  return on.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('golden-thread')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(['outbox', 'meta'], 'readonly')
          const outbox = tx.objectStore('outbox').getAll()
          const device = tx.objectStore('meta').get('deviceId')
          tx.oncomplete = () => {
            db.close()
            resolve({
              mutationIds: (outbox.result as { id: string }[]).map((entry) => entry.id),
              deviceId: (device.result as { value: string } | undefined)?.value,
            })
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
  )
}

describe('a values survey, answered offline on a tablet', () => {
  let surveyId: string
  let practitionerId: string
  let responsesBefore: number
  let mutationId: string
  let deviceId: string | undefined

  it('the practitioner sees the open survey on My team', async () => {
    const [survey] = await app.db.query<{ id: string }>('select id from surveys where title = $1', [openSurvey])
    surveyId = survey!.id
    const [person] = await app.db.query<{ person_id: string }>('select person_id from accounts where email = $1', [
      practitioner,
    ])
    practitionerId = person!.person_id
    responsesBefore = await storedAnswers(surveyId)

    await signIn(page, practitioner)
    const panel = new OpenSurveysPanel(page)
    await shows(panel.heading)
    await shows(panel.answerLink(openSurvey))
    await shell.waitForServiceWorkerControl()
    await shows(shell.heading(teamName))
    await shows(panel.answerLink(openSurvey))
  })

  it('offline, answers every question, with a reload half way that keeps the draft, and sends', async () => {
    await app.goOffline()
    await context.setOffline(true)

    await new OpenSurveysPanel(page).answerLink(openSurvey).click()
    const survey = new SurveyAnswerPage(page)
    await shows(survey.heading(openSurvey))
    await reachesPath(page, `/surveys/${surveyId}`)
    await shows(survey.anonymity)
    expect(await survey.anonymity.textContent()).toContain(
      'They are stored without your name, your device or the time you answered, and results are only shown for groups of at least 10 people.',
    )

    const count = await survey.questions.count()
    expect(count, 'the demo survey asks seven questions').toBe(7)
    const answers: Answer[] = []
    for (let n = 0; n < count; n++) answers.push(await survey.answerFor(survey.questions.nth(n)))
    const half = Math.ceil(count / 2)
    for (let n = 0; n < half; n++) await survey.answer(survey.questions.nth(n), answers[n]!)
    await shows(survey.saved)

    // Still offline, the app reloads from the service worker; the answers so far are still chosen.
    await page.reload()
    await shows(survey.heading(openSurvey))
    await shows(shell.sync.connection('Offline'))
    for (let n = 0; n < half; n++)
      expect(await survey.shows(survey.questions.nth(n), answers[n]!), `question ${n + 1} kept its answer`).toBe(true)
    for (let n = half; n < count; n++) expect(await survey.shows(survey.questions.nth(n), answers[n]!)).toBe(false)
    await expectNoViolations(page, 'the survey answer page')

    // Sending too soon says what is missing.
    await survey.sendButton.click()
    await shows(survey.problem.getByRole('link', { name: /^Select an answer to question \d+, “/ }).first())

    for (let n = half; n < count; n++) await survey.answer(survey.questions.nth(n), answers[n]!)
    await survey.sendButton.click()
    await shows(survey.answersSavedOnDevice)
    await hides(survey.sendButton)
    await shows(waitingBadge(page, 1))

    const device = await deviceRecords(page)
    expect(device.mutationIds).toHaveLength(1)
    mutationId = device.mutationIds[0]!
    deviceId = device.deviceId

    // My team no longer offers it.
    await shell.goTo('My team')
    await shows(shell.heading(teamName))
    await hides(new OpenSurveysPanel(page).heading)
    expect(await new OpenSurveysPanel(page).answerLink(openSurvey).count()).toBe(0)
  })

  it('back online, Sync now sends the answers, stored with nothing that points to the practitioner', async () => {
    await app.goOnline()
    await context.setOffline(false)
    await shell.sync.syncNow()
    await hides(waitingBadge(page))

    expect(await storedAnswers(surveyId)).toBe(responsesBefore + 1)
    const participation = await app.db.query(
      'select 1 from survey_participants where survey_id = $1 and $2::uuid = any(person_ids)',
      [surveyId, practitionerId],
    )
    expect(participation).toHaveLength(1)

    const rows = await app.db.query<{ row: string }>('select to_jsonb(b)::text as row from survey_answer_buckets b')
    const traces = [practitionerId, mutationId, ...(deviceId ? [deviceId] : [])]
    const leaking = rows.filter(({ row }) => traces.some((trace) => row.includes(trace)))
    expect(leaking, 'no stored answer names the person, the change or the device').toEqual([])
    const columns = await app.db.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'survey_answer_buckets'",
    )
    expect(columns.map((c) => c.column_name).sort()).toEqual(['answers', 'area_id', 'survey_id', 'team_id'])

    // Still not offered, now the server knows too.
    await page.reload()
    await shows(shell.heading(teamName))
    await shows(shell.sync.lastSynced)
    expect(await new OpenSurveysPanel(page).answerLink(openSurvey).count()).toBe(0)
  })

  it('the open round shows only how many have answered, and when its results appear', async () => {
    const surveys = new SurveysPage(page)
    await surveys.open()
    await surveys.resultsLink(openSurvey).click()
    const results = new SurveyResultsPage(page)
    await shows(results.heading(openSurvey))
    const answered = await storedAnswers(surveyId)
    await shows(
      results.main.getByText(
        new RegExp(`^Results appear when the survey closes on \\d{1,2} \\w+ \\d{4}; ${answered} responses so far \\(`),
      ),
    )
    await shows(results.main.getByText(/While a survey is open nobody sees any group’s results or comments/))
    expect(await results.main.getByRole('region').count(), 'no group is shown').toBe(0)
    expect(await results.main.getByRole('table').count()).toBe(0)
    await expectNoViolations(page, 'the results page of an open survey')
  })

  it("the practitioner reads the spring round's results for the organisation and their team", async () => {
    const surveys = new SurveysPage(page)
    await surveys.open()
    await surveys.resultsLink(closedSurvey).click()
    const results = new SurveyResultsPage(page)
    await shows(results.heading(closedSurvey))
    await shows(results.asOf)
    await shows(results.organisation)
    await shows(results.organisation.getByText(/^Response rate: \d+(\.\d)?%$/))
    await shows(results.organisation.getByRole('table').first())
    await shows(results.group(`${teamName} (team)`))
    await expectNoViolations(page, 'the survey results page')

    // Offline, the copy kept on the device is shown, saying when it was fetched.
    await app.goOffline()
    await context.setOffline(true)
    try {
      await page.reload()
      await shows(results.heading(closedSurvey))
      await shows(results.main.getByText(/\(you are offline\)/))
      await shows(results.asOf)
      await shows(results.organisation.getByRole('table').first())
    } finally {
      await app.goOnline()
      await context.setOffline(false)
    }
  })

  it('a plan admin sees every group, with the small ones withheld and why', async () => {
    // The practitioner sees only the organisation and their own team, neither small:
    // withheld groups are for someone who may see every group.
    const adminContext = await newDeviceContext(browser, 'tablet portrait', app.origin)
    try {
      const adminPage = await adminContext.newPage()
      await signInAs(adminPage, admin)
      await adminPage.goto(`/surveys`)
      const surveys = new SurveysPage(adminPage)
      await shows(surveys.shell.heading('Surveys'))
      await surveys.resultsLink(closedSurvey).click()
      const results = new SurveyResultsPage(adminPage)
      await shows(results.heading(closedSurvey))
      await shows(results.organisation)
      await shows(results.withheldGroups.first())
      expect(await results.withheldGroups.count()).toBeGreaterThan(0)
      await shows(
        results
          .group('Windsor and Maidenhead Education and Schools Team (team)')
          .getByText(/Fewer than 10 people answered/),
      )
      await expectNoViolations(adminPage, 'the survey results page, every group')
    } finally {
      await adminContext.close()
    }
  })
})
