import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../../support/app-server'
import { launchChromium, newDeviceContext, type DeviceName } from '../../support/chromium'
import { AppShell } from './app-shell'
import { SignInPage } from './sign-in-page'
import { shows } from './waits'

export interface TestDevice {
  app: RunningApp
  browser: Browser
  context: BrowserContext
  page: Page
  shell: AppShell
  close(): Promise<void>
}

/** A test file's world: the real server with the demo, and one device with one tab on it. */
export async function openTestDevice(
  device: DeviceName,
  options?: Parameters<typeof startApp>[0],
): Promise<TestDevice> {
  const [app, browser] = await Promise.all([startApp(options), launchChromium()])
  const context = await newDeviceContext(browser, device, app.origin)
  const page = await context.newPage()
  return {
    app,
    browser,
    context,
    page,
    shell: new AppShell(page),
    async close() {
      await context.close()
      await browser.close()
      await app.stop()
    },
  }
}

export interface OfflineWorld {
  /** A fresh device signs in as `email`, waits for the first sync to bring its `team`, then the server stops. */
  offlineAs(email: string, team: string, device?: DeviceName): Promise<{ page: Page; shell: AppShell }>
  /** Closes the test's device and starts the server again for the next test. */
  endTest(): Promise<void>
  close(): Promise<void>
}

/** A test file's server and browser, for tests that each read what a first sync left on a new device, offline. */
export async function openOfflineWorld(): Promise<OfflineWorld> {
  const [app, browser] = await Promise.all([startApp(), launchChromium()])
  let context: BrowserContext | undefined
  return {
    async offlineAs(email, team, device = 'tablet landscape') {
      context = await newDeviceContext(browser, device, app.origin)
      const page = await context.newPage()
      const shell = new AppShell(page)
      const signIn = new SignInPage(page)
      await signIn.open()
      await signIn.submitAs(email)
      await shows(shell.heading(team))
      await shell.waitForServiceWorkerControl()
      await app.goOffline()
      return { page, shell }
    },
    async endTest() {
      await context?.close()
      context = undefined
      await app.goOnline()
    },
    async close() {
      await browser.close()
      await app.stop()
    },
  }
}
