import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext } from '../support/chromium'
import { expectNoViolations } from './page-models/axe'
import { ProjectPage, signInAs, waitingBadge } from './page-models/project-page'
import { manager } from './page-models/sign-in-page'
import { hides, shows } from './page-models/waits'

const milestone = 'Every Year 10 young person with SEND has a transition plan'

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page
let project: ProjectPage

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchChromium()])
  context = await newDeviceContext(browser, 'tablet portrait', app.origin)
  page = await context.newPage()
  project = new ProjectPage(page)
  await signInAs(page, manager)
  await project.openFromSearch('K9', 'transition')
  await project.shell.waitForServiceWorkerControl()
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await app?.stop()
})

/** The sign-out dialog, once "Sign out" has opened it. */
const signOutDialog = () => page.getByRole('dialog')
/** What has the keyboard focus, by its text. */
const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim())

// Offline as in the journeys: the server stops answering, while the browser still says it is online.
describe('sync says what is true, on a tablet in portrait', () => {
  it('offline with a change waiting, says "Waiting for a connection", never that it is sending', async () => {
    await app.goOffline()
    expect(await page.evaluate(() => navigator.onLine)).toBe(true)
    await project.setMilestoneStatus(milestone, 'Complete')

    const sync = project.shell.sync
    await shows(sync.connection('Offline'))
    await shows(sync.line.filter({ hasText: /^Waiting for a connection$/ }))
    await shows(waitingBadge(page, 1))
    // Its retries run while offline: still waiting, never "Uploading", "Syncing" or "Sending".
    for (let look = 0; look < 5; look += 1) {
      expect(await page.getByRole('banner').textContent()).not.toMatch(/Uploading|Syncing|Sending/)
      await page.waitForTimeout(200)
    }
    await expectNoViolations(page, 'project page offline, a change waiting')
  })

  it('"Sync now" offline says so plainly, in a live region', async () => {
    const sync = project.shell.sync
    await sync.syncNow()
    await shows(
      sync.reply.filter({
        hasText: 'No connection. Your changes are kept on this device and will be sent when it has one.',
      }),
    )
    await shows(sync.line.filter({ hasText: /^Waiting for a connection$/ }))
    await expectNoViolations(page, 'sync details offline, after Sync now')
  })

  it('signing out offline makes staying signed in the main choice, and says what signing out would lose', async () => {
    await page.keyboard.press('Escape')
    await project.shell.signOut()
    const dialog = signOutDialog()
    await shows(dialog.getByRole('heading', { name: '1 change not sent: stay signed in?' }))
    await shows(dialog.getByText(/Signing out now would remove it from this device for good/))
    await shows(dialog.getByText(/Signing in again needs a connection/))
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Stay signed in', 'Sign out and lose them'])
    expect(await focusedText()).toBe('Stay signed in')
    await expectNoViolations(page, 'sign-out dialog offline, a change waiting')

    await dialog.getByRole('button', { name: 'Stay signed in' }).click()
    await hides(dialog)
    await shows(project.heading('K9'))
    await shows(waitingBadge(page, 1))
  })

  it('back online, sends the change and says "1 change sent"; history says it came from this device', async () => {
    await app.goOnline()
    const sync = project.shell.sync
    await sync.syncNow()
    await shows(sync.sent(1))
    await shows(sync.reply.filter({ hasText: /^1 change sent\. Everything on this device has reached the server\.$/ }))
    await hides(waitingBadge(page))
    await shows(sync.connection('Online'))
    await page.keyboard.press('Escape')
    await project.showsMilestoneStatus(milestone, 'Complete', false)
    const entry = project.historyEntry(`Set milestone “${milestone}” to Complete`)
    await shows(entry.filter({ hasText: 'from this device' }))
    expect(await project.history.textContent()).not.toMatch(/device [0-9a-f]{8}/)
    await expectNoViolations(page, 'project page online, after the change was sent')
  })

  it('signing out offline with nothing waiting still asks, staying first: signing in again needs a connection', async () => {
    await app.goOffline()
    await project.shell.sync.syncNow()
    await shows(project.shell.sync.connection('Offline'))
    await page.keyboard.press('Escape')
    await project.shell.signOut()
    const dialog = signOutDialog()
    await shows(dialog.getByRole('heading', { name: 'This device is offline: stay signed in?' }))
    await shows(dialog.getByText(/Signing in again needs a connection/))
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Stay signed in', 'Sign out anyway'])
    expect(await focusedText()).toBe('Stay signed in')
    await expectNoViolations(page, 'sign-out dialog offline, nothing waiting')
    await dialog.getByRole('button', { name: 'Stay signed in' }).click()
    await hides(dialog)
    await app.goOnline()
  })
})
