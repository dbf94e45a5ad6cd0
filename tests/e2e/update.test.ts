import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { distDir, startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext } from '../support/chromium'
import { AppShell, teamName } from './page-models/app-shell'
import { signIn } from './page-models/sign-in-page'
import { hides, shows } from './page-models/waits'

let deployed: string
let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  // A deploy of our own, so the test can ship a new version without touching dist/.
  deployed = mkdtempSync(join(tmpdir(), 'gt-deploy-'))
  cpSync(distDir, deployed, { recursive: true })
  ;[app, browser] = await Promise.all([startApp({ staticDir: deployed }), launchChromium()])
  context = await newDeviceContext(browser, 'tablet landscape', app.origin)
  page = await context.newPage()
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await app?.stop()
  if (deployed) rmSync(deployed, { recursive: true, force: true })
})

describe('a new version of the app', () => {
  it('is offered with "Update now", which switches to it without losing the session', async () => {
    const shell = new AppShell(page)
    await signIn(page)
    await shell.waitForServiceWorkerControl()
    await shows(shell.heading(teamName))
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Golden Thread is available.' })
    expect(await prompt.count()).toBe(0)

    // Ship a new version: a service worker that differs byte for byte.
    appendFileSync(join(deployed, 'sw.js'), `\n// deployed ${new Date().toISOString()}\n`)
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()))

    await shows(prompt)
    const updateNow = prompt.getByRole('button', { name: 'Update now' })
    await shows(updateNow)
    // Something only the current page knows: gone once the page has reloaded.
    await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true))
    await updateNow.click()

    await page.waitForFunction(() => !('beforeUpdate' in window), undefined, { timeout: 15_000 })
    await shows(shell.heading(teamName))
    await hides(prompt)
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration()
        return { controlled: navigator.serviceWorker.controller?.state, waiting: registration?.waiting ?? null }
      }),
    ).toEqual({ controlled: 'activated', waiting: null })
  })
})
