import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../../support/app-server'
import { launchChromium, newDeviceContext, type DeviceName } from '../../support/chromium'
import { AppShell } from './app-shell'

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
