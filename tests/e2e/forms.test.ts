import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RunningApp } from '../support/app-server'
import { AppShell, teamName } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { ErrorSummary, hasFocus, inlineErrorOf } from './page-models/error-summary'
import { ProjectPage } from './page-models/project-page'
import { practitioner, SignInPage } from './page-models/sign-in-page'
import { openSurvey, OpenSurveysPanel, SurveyAnswerPage } from './page-models/survey-pages'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { hides, shows } from './page-models/waits'

let world: TestDevice
let app: RunningApp
let page: Page
let shell: AppShell

beforeAll(async () => {
  world = await openTestDevice('tablet portrait')
  ;({ app, page, shell } = world)
})
afterAll(() => world?.close())

describe('forms follow the GOV.UK error pattern on a tablet in portrait', () => {
  it('sign-in: every problem at once, at the top and beside its field, then what the server says', async () => {
    const signIn = new SignInPage(page)
    await signIn.open()
    const summary = new ErrorSummary(page, page.locator('body'))

    // The button looks and works like a button with the form empty: pressing it says what is wrong.
    expect(await signIn.submit.isEnabled()).toBe(true)
    await signIn.submit.click()
    await shows(summary.box)
    await expect.poll(() => summary.isFocused()).toBe(true)
    expect(await summary.problems()).toEqual(['Enter your email address', 'Enter your password'])
    expect(await inlineErrorOf(signIn.email)).toBe('Error: Enter your email address')
    expect(await inlineErrorOf(signIn.password)).toBe('Error: Enter your password')
    expect(await signIn.email.getAttribute('aria-invalid')).toBe('true')
    expect(await page.title()).toMatch(/^Error: Sign in/)
    await expectNoViolations(page, 'sign-in with every problem showing')

    await summary.links.filter({ hasText: 'Enter your password' }).click()
    expect(await hasFocus(signIn.password)).toBe(true)

    // An address that is not one: only that is wrong now.
    await signIn.email.fill('practitioner at demo')
    await signIn.password.fill('anything')
    await signIn.submit.click()
    await expect.poll(() => summary.problems()).toEqual(['Enter your email address, like name@example.org'])
    expect(await inlineErrorOf(signIn.password)).toBeUndefined()
    await summary.links.first().click()
    expect(await hasFocus(signIn.email)).toBe(true)

    // The server refuses the password: the summary says so, and takes focus again.
    await signIn.email.fill(practitioner)
    await signIn.password.fill('not-the-password')
    await signIn.submit.click()
    await shows(summary.box.getByText('That email and password do not match an account.'))
    await expect.poll(() => summary.isFocused()).toBe(true)
    expect(await inlineErrorOf(signIn.email)).toBeUndefined()
    await expectNoViolations(page, 'sign-in refused by the server')

    await signIn.submitAs(practitioner)
    await shows(shell.heading(teamName))
    expect(await page.title()).not.toMatch(/^Error: /)
  })

  it('survey: every unanswered question listed; answered offline, the thank-you says where the answers are', async () => {
    await new OpenSurveysPanel(page).answerLink(openSurvey).click()
    const survey = new SurveyAnswerPage(page)
    await shows(survey.heading(openSurvey))
    await survey.questions.first().getByRole('radio').first().waitFor()
    const count = await survey.questions.count()
    const required: number[] = []
    for (let n = 0; n < count; n++) if (await survey.questions.nth(n).getByRole('radio').count()) required.push(n)
    expect(required.length, 'the demo survey has questions that need an answer').toBeGreaterThan(1)

    await survey.sendButton.click()
    const summary = new ErrorSummary(page)
    await shows(summary.box)
    await expect.poll(() => summary.isFocused()).toBe(true)
    const problems = await summary.problems()
    expect(problems).toHaveLength(required.length)
    for (const [i, n] of required.entries()) {
      expect(problems[i], `question ${n + 1} is named`).toMatch(
        new RegExp(`^Select an answer to question ${n + 1}, “.+”$`),
      )
      expect(await inlineErrorOf(survey.questions.nth(n))).toBe('Error: Select an answer')
    }
    await expectNoViolations(page, 'a survey sent with every question unanswered')

    const last = required.at(-1)!
    await summary.links.last().click()
    expect(await hasFocus(survey.questions.nth(last).getByRole('radio').first())).toBe(true)

    // The server stops, as when the signal drops; the answers are kept to send.
    await app.goOffline()
    for (let n = 0; n < count; n++) {
      const question = survey.questions.nth(n)
      await survey.answer(question, await survey.answerFor(question))
    }
    await survey.sendButton.click()
    await shows(survey.answersSavedOnDevice)
    expect(await survey.answersSent.count()).toBe(0)
    await expectNoViolations(page, 'the survey thank-you, answers on the device')

    // Back online and synced, the same thank-you says they have gone.
    await app.goOnline()
    await shell.sync.syncNow()
    await shows(survey.answersSent, 30_000)
    await hides(survey.answersSavedOnDevice)
  })

  it('evidence: nothing to save, then a photo that is not one, each at the top and beside its field', async () => {
    const project = new ProjectPage(page)
    await project.openFromSearch('K9', 'transition')
    await shows(project.saveEvidenceButton)
    const summary = new ErrorSummary(page, project.evidence)

    expect(await project.saveEvidenceButton.isEnabled()).toBe(true)
    await project.saveEvidenceButton.click()
    await shows(summary.box)
    await expect.poll(() => summary.isFocused()).toBe(true)
    const nothing = 'Evidence needs a note, a photo or a file.'
    expect(await summary.problems()).toEqual([nothing])
    expect(await inlineErrorOf(project.noteBox)).toBe(`Error: ${nothing}`)
    await expectNoViolations(page, 'the evidence form with nothing to save')
    await summary.links.first().click()
    expect(await hasFocus(project.noteBox)).toBe(true)

    await project.choosePhotos.setInputFiles({
      name: 'IMG_0042.HEIC',
      mimeType: 'image/heic',
      buffer: Buffer.from([0, 1, 2, 3]),
    })
    const notAPhoto = '“IMG_0042.HEIC” is not a JPEG or PNG photo, so it cannot be added as a photo.'
    await expect.poll(() => summary.problems()).toEqual([notAPhoto])
    await expect.poll(() => summary.isFocused()).toBe(true)
    expect(await inlineErrorOf(project.choosePhotos)).toBe(`Error: ${notAPhoto}`)
    expect(await inlineErrorOf(project.noteBox)).toBeUndefined()
    await expectNoViolations(page, 'the evidence form with a file that is not a photo')
    await summary.links.first().click()
    expect(await hasFocus(project.choosePhotos)).toBe(true)

    // Put right, it saves and the problems go.
    await project.addEvidence({ note: 'Transitions panel minutes, agreed.' })
    expect(await summary.box.count()).toBe(0)
    expect(await page.title()).not.toMatch(/^Error: /)
  })
})
