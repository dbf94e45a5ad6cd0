import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext, type DeviceName } from '../support/chromium'
import { AppShell, planTitle } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { practitioner, SignInPage } from './page-models/sign-in-page'
import { reachesPath, shows } from './page-models/waits'

const viewer = 'viewer@demo.local'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchChromium()])
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const devices: DeviceName[] = ['tablet portrait', 'phone']

describe.each(devices)('a board member (viewer) on a %s', (device) => {
  let context: BrowserContext
  let page: Page
  let shell: AppShell

  beforeAll(async () => {
    context = await newDeviceContext(browser, device, app.origin)
    page = await context.newPage()
    shell = new AppShell(page)
  })
  afterAll(() => context?.close())

  it('signs in and lands on the dashboard, which passes axe', async () => {
    const signIn = new SignInPage(page)
    await signIn.open()
    await signIn.submitAs(viewer)
    await shows(shell.heading('Dashboard'), 30_000)
    await reachesPath(page, '/dashboard')
    const plan = shell.main.getByRole('region', { name: planTitle, exact: true })
    await shows(plan.getByRole('table', { name: /^Projects by their latest update \(\d+\)$/ }))
    await shows(plan.getByRole('table', { name: `${planTitle}: figures by theme` }))
    await shows(plan.getByRole('table', { name: `${planTitle}: figures by area` }))
    await shows(plan.getByText(/^Figures as at the last sync, today at \d\d:\d\d\.$/).first())
    await expectNoViolations(page, `the dashboard on a ${device}`)
  })

  it('offers nothing to change, and the start of the app is the dashboard again', async () => {
    await expect(shell.main.getByRole('textbox').count()).resolves.toBe(0)
    await expect(shell.main.getByRole('button').count()).resolves.toBe(0)
    await expect(shell.main.getByRole('combobox').count()).resolves.toBe(0)
    await page.goto('/')
    await shows(shell.heading('Dashboard'))
    await reachesPath(page, '/dashboard')
  })
})

describe('a practitioner', () => {
  let context: BrowserContext | undefined
  afterAll(() => context?.close())

  it('still starts on My team, and finds the dashboard in the navigation', async () => {
    context = await newDeviceContext(browser, 'tablet portrait', app.origin)
    const page = await context.newPage()
    const shell = new AppShell(page)
    const signIn = new SignInPage(page)
    await signIn.open()
    await signIn.submitAs(practitioner)
    await shell.showsMyTeam()
    await reachesPath(page, '/my-team')
    await (await shell.navLink('Dashboard')).click()
    await shows(shell.heading('Dashboard'))
    await shows(shell.main.getByRole('region', { name: planTitle, exact: true }))
  })
})
