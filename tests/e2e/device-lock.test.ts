import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext } from '../support/chromium'
import { AppShell, planTitle, teamName } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { LockScreen, storedCount } from './page-models/device-lock-page'
import { focused } from './page-models/keyboard'
import { PlanPage } from './page-models/screens'
import { ChoosePinPage, demoPassword, devicePin, practitioner, signIn, SignInPage } from './page-models/sign-in-page'
import { OpenSurveysPanel, openSurvey, SurveyAnswerPage } from './page-models/survey-pages'
import { reachesPath, shows } from './page-models/waits'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchChromium()])
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/**
 * A fresh device for one test, with a clock the test can move on: fifteen minutes without
 * use pass in a moment, and everything else runs at its own pace.
 */
async function withDevice(run: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await newDeviceContext(browser, 'tablet portrait', app.origin)
  try {
    const page = await context.newPage()
    await page.clock.install()
    await run(page, context)
  } finally {
    await context.close()
    await app.goOnline()
  }
}

/** Signs in, chooses the PIN, and waits until the app works with the server gone. */
async function signedInReadyForOffline(page: Page): Promise<AppShell> {
  const shell = new AppShell(page)
  await signIn(page)
  await shell.waitForServiceWorkerControl()
  await shows(shell.heading(teamName))
  return shell
}

/** Sixteen minutes with nobody touching the device. */
const leaveUnused = (page: Page) => page.clock.fastForward('16:00')

describe('the device lock', () => {
  it('a PIN is chosen after signing in, with problems shown the GOV.UK way', async () => {
    await withDevice(async (page) => {
      const signInPage = new SignInPage(page)
      await signInPage.open()
      await signInPage.email.fill(practitioner)
      await signInPage.password.fill(demoPassword)
      await signInPage.submit.click()

      const choosePin = new ChoosePinPage(page)
      await shows(choosePin.heading, 30_000)
      await expectNoViolations(page, 'choose a PIN')

      await choosePin.choose('123456')
      const summary = page.getByRole('alert')
      await shows(
        summary.getByRole('link', {
          name: 'Choose a PIN that is harder to guess, not one like 111111, 123456 or 121212',
        }),
      )
      await shows(page.getByText('Error: Choose a PIN that is harder to guess'))
      await expectNoViolations(page, 'choose a PIN, with a problem')
      await summary.getByRole('link').click()
      expect(await choosePin.pin.evaluate((input) => input === document.activeElement)).toBe(true)

      await choosePin.choose(devicePin)
      await shows(new AppShell(page).heading(teamName))
    })
  })

  it('locks after a while unused, hides everything, and unlocks with the PIN with the server stopped', async () => {
    await withDevice(async (page) => {
      const shell = await signedInReadyForOffline(page)
      await shell.goTo('The plan')
      await new PlanPage(page).waitUntilShown()
      await app.goOffline()

      await leaveUnused(page)
      const lock = new LockScreen(page)
      await shows(lock.heading)
      // Nothing of the plan is left in the page: not hidden, gone.
      const html = await page.content()
      for (const secret of [teamName, planTitle, 'Kingston', 'My actions']) expect(html, secret).not.toContain(secret)
      expect(await page.getByRole('navigation').count()).toBe(0)
      expect(await page.getByRole('main').count()).toBe(1)
      expect(await page.title()).toBe('Locked · Golden Thread')
      await expectNoViolations(page, 'the lock screen')

      // Tab goes round the lock's own controls and nothing else (and out to the browser between rounds).
      const stops = new Set<string>()
      for (let press = 0; press < 8; press++) {
        await page.keyboard.press('Tab')
        const stop = await focused(page)
        if (stop) stops.add(stop.name)
      }
      expect([...stops]).toEqual(['PIN', 'Unlock', 'Sign in again'])

      await lock.unlock('000000')
      await shows(lock.problem.getByRole('link', { name: 'The PIN is not right. You have 4 more tries.' }))
      await shows(page.getByText('Error: The PIN is not right. You have 4 more tries.'))
      await expectNoViolations(page, 'the lock screen, after a wrong PIN')

      // Reloading is no way round it.
      await page.reload()
      await shows(lock.heading)

      await lock.unlock()
      await shows(shell.heading(planTitle))
      await reachesPath(page, /^\/plans\/[\w-]+$/)
      await shows(shell.sync.connection('Offline'))
    })
  })

  it('five wrong PINs sign the device out and remove its data', async () => {
    await withDevice(async (page) => {
      await signedInReadyForOffline(page)
      await app.goOffline()
      expect(await storedCount(page, 'actions')).toBeGreaterThan(0)

      await leaveUnused(page)
      const lock = new LockScreen(page)
      await shows(lock.heading)
      for (const [n, wrong] of ['000001', '000002', '000003', '000004'].entries()) {
        await lock.unlock(wrong)
        await shows(
          lock.problem.getByText(
            n < 3 ? `You have ${4 - n} more tries.` : /You have 1 more try\. If that is wrong too/,
          ),
        )
      }
      await lock.unlock('000005')
      await shows(lock.signedOutHeading)
      await expectNoViolations(page, 'signed out after wrong PINs')
      await expect.poll(() => storedCount(page, 'actions')).toBe(0)
      expect(await storedCount(page, 'meta')).toBe(0)

      await page.getByRole('link', { name: 'Sign in' }).click()
      await shows(new SignInPage(page).heading)
    })
  })

  it('a forgotten PIN: signing in again sets a new one and keeps what is on the device', async () => {
    await withDevice(async (page) => {
      await signedInReadyForOffline(page)
      const offered = new OpenSurveysPanel(page)
      await offered.answerLink(openSurvey).click()
      const survey = new SurveyAnswerPage(page)
      const first = survey.questions.first()
      const answer = await survey.answerFor(first)
      await survey.answer(first, answer)
      await shows(survey.saved)

      await leaveUnused(page)
      const lock = new LockScreen(page)
      await shows(lock.heading)
      await lock.signInAgainButton.click()
      const signInPage = new SignInPage(page)
      await shows(signInPage.heading)
      await shows(page.getByText('Sign in to choose a new PIN for this device. Nothing on this device is lost.'))
      await signInPage.submitAs(practitioner)
      await shows(new AppShell(page).heading(teamName))

      // The answer half-written before the lock is still there.
      await offered.answerLink(openSurvey).click()
      await shows(survey.questions.first())
      expect(await survey.shows(survey.questions.first(), answer)).toBe(true)
    })
  })
})
