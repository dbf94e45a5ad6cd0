import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext, type DeviceName } from '../support/chromium'
import { AppShell, teamName } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { ChangesPage } from './page-models/project-page'
import { MyTeamPage, PlanPage, projectName, SearchPage } from './page-models/screens'
import { signIn } from './page-models/sign-in-page'
import { openSurvey, SurveysPage } from './page-models/survey-pages'
import { patience, reachesPath, shows } from './page-models/waits'

let app: RunningApp
let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchChromium()])
})
afterEach(async () => {
  await context?.close()
  context = undefined
  // Whatever happened, leave the server answering for the next test.
  await app.goOnline()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/**
 * Holds the page's own requests for Search's code until the test calls `release`, once the server has
 * stopped: the signal went while that code was still on its way. (The worker's precache is not held.)
 */
async function holdSearchCode(on: BrowserContext): Promise<{ requested: Promise<void>; release(): void }> {
  let release!: () => void
  let arrived!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const requested = new Promise<void>((resolve) => (arrived = resolve))
  await on.route(/\/assets\/SearchView-[\w-]+\.js$/, async (route) => {
    if (!route.request().serviceWorker()) {
      arrived()
      await released
    }
    await route.continue()
  })
  return { requested, release }
}

/** Marks the page, so the test can tell it was never reloaded (a reload starts a fresh window). */
async function markThisPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { firstPage: boolean }).firstPage = true))
}
async function stillThisPage(page: Page): Promise<boolean> {
  return page.evaluate(() => 'firstPage' in window)
}

async function opensMyActions(shell: AppShell): Promise<void> {
  await shell.goTo('My actions')
  await shows(shell.heading('My actions'))
  // The demo assigns the practitioner K1 and two milestones, read from this device's database.
  await shows(shell.main.getByText(/assigned to You\b/).first())
}
async function opensSurveys(page: Page): Promise<void> {
  await new SurveysPage(page).open()
  await shows(page.getByRole('main').getByRole('heading', { level: 3, name: openSurvey, exact: true }))
}
async function opensPlanAndProject(page: Page, shell: AppShell): Promise<void> {
  await shell.goTo('The plan')
  await new PlanPage(page).waitUntilShown()
  await shell.main.getByRole('link', { name: projectName('K9') }).click()
  await shows(shell.heading(/^K9 Work with adult care and housing providers/))
  await shows(page.getByText('Associate Director for SEND (Kingston Children with Disabilities Team)'))
}
async function opensSearch(page: Page, shell: AppShell): Promise<void> {
  await shell.goTo('Search')
  await shows(shell.heading('Search the plan'))
  const search = new SearchPage(page)
  await search.search('transition')
  expect(await search.results.count()).toBeGreaterThan(0)
}
async function opensMyTeam(page: Page, shell: AppShell): Promise<void> {
  await shell.goTo('My team')
  await shows(shell.heading(teamName))
  await shows(new MyTeamPage(page).value('Trust'))
}

const firstDayDevices: DeviceName[] = ['tablet landscape', 'phone']

describe.each(firstDayDevices)('the first sign-in on a %s, then the signal goes before any reload', (device) => {
  it('every screen opens, with its data from the device', async () => {
    context = await newDeviceContext(browser, device, app.origin)
    const page = await context.newPage()
    const shell = new AppShell(page)
    await signIn(page)
    await markThisPage(page)
    // The worker this first visit installed takes the page over by itself.
    await shell.waitForServiceWorkerControl()

    await app.goOffline()
    await opensMyActions(shell)
    await opensSurveys(page)
    await opensPlanAndProject(page, shell)
    await opensSearch(page, shell)
    await new ChangesPage(page).open()
    await shows(new ChangesPage(page).waitingHeading(0))
    await opensMyTeam(page, shell)
    expect(await stillThisPage(page), 'the page was never reloaded').toBe(true)
  })

  it('with no service worker, the screens fetched after sign-in open; one still on its way says so', async () => {
    context = await newDeviceContext(browser, device, app.origin, { serviceWorkers: 'block' })
    const searchCode = await holdSearchCode(context)
    const fetched: string[] = []
    context.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname))
    const page = await context.newPage()
    const shell = new AppShell(page)
    await signIn(page)
    // Nothing a person sees says when the shell has fetched the other screens; the requests do.
    const warmed = ['MyActionsView', 'SurveysView', 'PlanView', 'ActionView', 'ChangesView']
    const notYetFetched = () => warmed.filter((name) => !fetched.some((path) => path.startsWith(`/assets/${name}-`)))
    await expect.poll(notYetFetched, { timeout: patience }).toEqual([])
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull()

    await app.goOffline()
    searchCode.release()
    await opensMyActions(shell)
    await opensSurveys(page)
    await opensPlanAndProject(page, shell)
    await new ChangesPage(page).open()

    await shell.goTo('Search')
    const message = shell.main.getByRole('alert').filter({ hasText: "This screen isn't saved on this device yet" })
    await shows(message)
    await shows(message.getByText('Connect to the internet once, then try again.'))
    await shows(shell.heading("This screen isn't saved on this device yet"))
    // Focus moves to the message, as it does to every screen's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await expectNoViolations(page, 'a screen not saved on this device')

    // The way back: to the screen the person was on, as it was.
    await shell.main.getByRole('link', { name: 'Back to Changes on this device' }).click()
    await shows(shell.heading('Changes on this device'))
    await reachesPath(page, '/changes')

    // Once connected again, the screen opens.
    await shell.goTo('Search')
    await shows(message)
    await app.goOnline()
    await shell.main.getByRole('button', { name: 'Try again' }).click()
    await shows(shell.heading('Search the plan'))
    await reachesPath(page, '/search')
  })
})

describe('a screen whose code failed to arrive before the worker took over the page', () => {
  it('opens with the server stopped, after the one reload the app makes by itself', async () => {
    const tablet = (context = await newDeviceContext(browser, 'tablet portrait', app.origin))
    const searchCode = await holdSearchCode(tablet)
    // The worker installs only once the shell has asked for Search's code, as on a slow first connection.
    await tablet.route('/sw.js', async (route) => {
      await searchCode.requested
      await route.continue()
    })
    const failed = new Promise<void>((resolve) =>
      tablet.on('requestfailed', (request) => {
        if (/\/SearchView-/.test(request.url())) resolve()
      }),
    )
    const page = await tablet.newPage()
    const shell = new AppShell(page)
    await signIn(page)
    await shell.waitForServiceWorkerControl()
    await app.goOffline()
    searchCode.release()
    // The shell's early fetch of Search fails, and Chromium keeps that import failed for the page's life.
    await failed

    await shell.goTo('Search')
    await shows(shell.heading('Search the plan'))
    const search = new SearchPage(page)
    await search.search('transition')
    expect(await search.results.count()).toBeGreaterThan(0)
  })
})
