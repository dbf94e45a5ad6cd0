import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { devices, launchChromium, newDeviceContext, type DeviceName } from '../support/chromium'
import { AppShell, planTitle, teamName } from './page-models/app-shell'
import { codeOf, MyTeamPage, PlanPage, projectName } from './page-models/screens'
import { practitioner, SignInPage } from './page-models/sign-in-page'
import { linkNames, reachesPath, shows } from './page-models/waits'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchChromium()])
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** What My team shows under "Priorities for your area…": each priority and its project links. */
async function prioritiesShown(page: Page): Promise<{ title: string; projects: string[] }[]> {
  const myTeam = new MyTeamPage(page)
  await shows(myTeam.prioritiesHeading)
  await myTeam.openRest()
  const regions = await myTeam.priorities.all()
  return Promise.all(
    regions.map(async (region) => ({
      title: (await region.getByRole('heading', { level: 3 }).first().textContent())?.trim() ?? '',
      projects: await linkNames(region),
    })),
  )
}

describe.each(Object.keys(devices) as DeviceName[])('a practitioner on a %s', (device) => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await newDeviceContext(browser, device, app.origin)
    page = await context.newPage()
  })
  afterAll(async () => {
    await context?.close()
    // Whatever happened, leave the server answering for the next device.
    await app.goOnline()
  })

  it('signs in, sees their team, and keeps working offline', async () => {
    const shell = new AppShell(page)
    const myTeam = new MyTeamPage(page)

    const signIn = new SignInPage(page)
    await signIn.open()
    await signIn.submitAs(practitioner)
    await shows(shell.heading(teamName))
    await reachesPath(page, '/my-team')

    // The team's values, its own projects, and the priorities for its area.
    for (const value of ['Trust', 'Respect', 'Empower']) await shows(myTeam.value(value))
    await shows(myTeam.ownProjectsHeading)
    const k9 = myTeam.ownProject('K9')
    await shows(k9)
    expect(await k9.getByRole('link', { name: projectName('K9') }).textContent()).toMatch(
      /Work with adult care and housing providers to improve…/,
    )
    const priorities = await prioritiesShown(page)
    expect(priorities.map((p) => p.title)).toContain('Stronger families')
    const codes = priorities.flatMap((p) => p.projects.map(codeOf))
    expect(codes).toContain('K1') // Kingston
    expect(codes).toContain('C1') // the whole organisation
    expect(
      codes.filter((code) => !/^[KC]\d+$/.test(code ?? '')),
      'other boroughs are not this team’s priorities',
    ).toEqual([])

    await shows(shell.sync.connection('Online'))
    await shows(shell.sync.lastSynced)
    expect(await shell.sync.lastSynced.textContent()).toMatch(/^Last synced today at \d{2}:\d{2}$/)

    await shell.waitForServiceWorkerControl()
    await shows(shell.heading(teamName))

    // Offline for real: the server stops answering and the browser has no network.
    await app.goOffline()
    await context.setOffline(true)
    await page.reload()
    await shows(shell.heading(teamName))
    expect(await prioritiesShown(page)).toEqual(priorities)
    await shows(shell.sync.connection('Offline'))

    await shell.goTo('The plan')
    await shows(shell.heading(planTitle))
    await new PlanPage(page).waitUntilShown()
    await page
      .getByRole('main')
      .getByRole('link', { name: projectName('K9') })
      .click()
    await shows(shell.heading(/^K9 Work with adult care and housing providers/))
    await shows(page.getByText('Associate Director for SEND (Kingston Children with Disabilities Team)'))
    await shows(shell.sync.connection('Offline'))

    // The network comes back before the server does: still offline, as far as the app can tell…
    await context.setOffline(false)
    await page.waitForFunction(() => navigator.onLine)
    await shows(shell.sync.connection('Offline'))
    // …until the server answers again and "Sync now" reaches it.
    await app.goOnline()
    await shell.sync.syncNow()
    await shows(shell.sync.connection('Online'))
    await shows(shell.sync.lastSynced)
  })
})
