import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext, type DeviceName } from '../support/chromium'
import { AppShell, teamName } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { PlanPage, projectName, SearchPage } from './page-models/screens'
import { practitioner, SignInPage } from './page-models/sign-in-page'
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

const accessibilityDevices: DeviceName[] = ['phone', 'tablet portrait']

describe.each(accessibilityDevices)('every screen on a %s passes axe (WCAG 2.2 AA and best practice)', (device) => {
  let context: BrowserContext
  let page: Page
  let shell: AppShell

  beforeAll(async () => {
    context = await newDeviceContext(browser, device, app.origin)
    page = await context.newPage()
    shell = new AppShell(page)
  })
  afterAll(async () => {
    await context?.close()
  })

  it('sign-in, empty and after a failed sign-in', async () => {
    const signIn = new SignInPage(page)
    await signIn.open()
    await expectNoViolations(page, 'sign-in')

    await signIn.submitAs(practitioner, 'not-the-password')
    await shows(signIn.problem.getByText('That email and password do not match an account.'))
    await expectNoViolations(page, 'sign-in with an error')
  })

  it('My team, with the sync status details open', async () => {
    const signIn = new SignInPage(page)
    await signIn.open()
    await signIn.submitAs(practitioner)
    await shows(shell.heading(teamName))
    await shows(shell.sync.connection('Online'))
    await expectNoViolations(page, 'My team')

    await shell.sync.open()
    await expectNoViolations(page, 'sync status details open')
  })

  it('The plan, all areas and one area', async () => {
    await page.goto('/plan')
    const plan = new PlanPage(page)
    await plan.waitUntilShown()
    await expectNoViolations(page, 'The plan')

    await plan.areaFilter.selectOption({ label: 'Windsor and Maidenhead' })
    await reachesPath(page, /^\/plans\/[\w-]+\?area=/)
    await shows(plan.shownCount.getByText('10 projects shown.'))
    await expectNoViolations(page, 'The plan for Windsor and Maidenhead')
  })

  it('a project page', async () => {
    await page.goto('/plan')
    await new PlanPage(page).waitUntilShown()
    await page
      .getByRole('main')
      .getByRole('link', { name: projectName('K9') })
      .click()
    await shows(shell.heading(/^K9 /))
    await expectNoViolations(page, 'project K9')
  })

  it('Search with results', async () => {
    await page.goto('/search')
    const search = new SearchPage(page)
    await search.search('transition')
    await shows(search.results.first())
    await expectNoViolations(page, 'search results')
  })

  it('the not-found page', async () => {
    await page.goto('/no/such/page')
    await shows(shell.heading('Page not found'))
    await expectNoViolations(page, 'not found')
  })
})
