import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext } from '../support/chromium'
import { AppShell, teamName } from './page-models/app-shell'
import { PlanPage, projectName, SearchPage } from './page-models/screens'
import { manager, practitioner, signIn, SignInPage } from './page-models/sign-in-page'
import { reachesPath, shows } from './page-models/waits'
import { expectNoViolations } from './page-models/axe'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchChromium()])
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Browsers the server names devices by ("Chrome on Android"); Chromium itself is the same underneath. */
const androidTablet =
  'Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
const iPhone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1'

/** A fresh device (its own cookies, IndexedDB and service worker) for one test. */
async function withDevice(
  run: (page: Page, context: BrowserContext) => Promise<void>,
  userAgent?: string,
): Promise<void> {
  const context = await newDeviceContext(
    browser,
    userAgent === iPhone ? 'phone' : 'tablet portrait',
    app.origin,
    userAgent ? { userAgent } : {},
  )
  try {
    await run(await context.newPage(), context)
  } finally {
    await context.close()
  }
}

/** How many projects this device's copy of the plan holds, read straight from IndexedDB. */
function storedActions(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('golden-thread')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('actions')) {
            db.close()
            return resolve(0)
          }
          const count = db.transaction('actions').objectStore('actions').count()
          count.onsuccess = () => {
            db.close()
            resolve(count.result)
          }
          count.onerror = () => reject(count.error)
        }
      }),
  )
}

describe('signing in and out', () => {
  it('a wrong password is refused with a message in an alert', async () => {
    await withDevice(async (page) => {
      const signInPage = new SignInPage(page)
      await signInPage.open()
      await signInPage.submitAs(practitioner, 'not-the-password')
      await shows(signInPage.problem.getByText('That email and password do not match an account.'))
      await reachesPath(page, '/sign-in')
    })
  })

  it('signing out returns to Sign in, leaves no plan on the device, and guards the app', async () => {
    await withDevice(async (page) => {
      const shell = new AppShell(page)
      await signIn(page, manager)
      await shows(page.getByText('Jordan Blake (demo), Team Manager · Kingston'))
      expect(await storedActions(page)).toBeGreaterThan(0)

      await shell.signOut()
      await shows(new SignInPage(page).heading)
      await reachesPath(page, '/sign-in')
      await expect.poll(() => storedActions(page)).toBe(0)
      expect(await shell.nav.count()).toBe(0)

      await page.goto('/my-team')
      await shows(new SignInPage(page).heading)
      await reachesPath(page, '/sign-in?next=/my-team')
    })
  })

  it('signing in without a connection says one is needed', async () => {
    await withDevice(async (page) => {
      const signInPage = new SignInPage(page)
      await signInPage.open()
      await app.goOffline()
      try {
        await signInPage.submitAs(practitioner)
        await shows(signInPage.problem.getByText(/^You need a connection to sign in\./))
      } finally {
        await app.goOnline()
      }
    })
  })
})

/** How many changes wait in this device's outbox, read straight from IndexedDB. */
function storedOutbox(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('golden-thread')
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('outbox')) {
            db.close()
            return resolve(0)
          }
          const count = db.transaction('outbox').objectStore('outbox').count()
          count.onsuccess = () => {
            db.close()
            resolve(count.result)
          }
        }
      }),
  )
}

describe('signing devices out from elsewhere', () => {
  it("signing the phone out from the tablet removes the organisation's data from the phone at its next contact", async () => {
    await withDevice(async (phone) => {
      const phoneShell = new AppShell(phone)
      await signIn(phone, manager)
      expect(await storedActions(phone)).toBeGreaterThan(0)
      // A change made with no signal, still waiting to send when the phone is signed out.
      await app.goOffline()
      try {
        await phoneShell.goTo('The plan')
        await new PlanPage(phone).waitUntilShown()
        await phone.getByRole('link', { name: projectName('K9') }).click()
        await shows(phoneShell.heading(/^K9 /))
        await phone.getByRole('radio', { name: /On track \(green\)/ }).check()
        await phone.getByLabel('Commentary').fill('Visited the family; next review booked.')
        await phone.getByRole('button', { name: 'Post update' }).click()
        await expect.poll(() => storedOutbox(phone)).toBe(1)
      } finally {
        await app.goOnline()
      }

      await withDevice(async (tablet) => {
        const tabletShell = new AppShell(tablet)
        await signIn(tablet, manager)
        await tabletShell.nav.getByRole('link', { name: 'Your devices' }).click()
        await shows(tabletShell.heading('Your devices'))
        const cards = tabletShell.main.getByRole('listitem')
        await shows(cards.filter({ hasText: 'Chrome on iPhone' }))
        await shows(cards.filter({ hasText: 'Chrome on Android' }).getByText('This device'))
        await expectNoViolations(tablet, 'Your devices')

        await tablet.getByRole('button', { name: /^Sign out of this device\W+Chrome on iPhone, last used/ }).click()
        await shows(tablet.getByRole('status').getByText('Signed out of Chrome on iPhone.'))
        await shows(tablet.getByText('You are not signed in on any other device.'))
      }, androidTablet)

      // The phone's next contact with the server: its data goes, unsent change included, and it says why.
      // Its own retry of the waiting change may make that contact before "Sync now" is pressed.
      const ended = phone.getByText(/^You were signed out of this device from another device or by a plan admin/)
      await Promise.race([shows(ended), phoneShell.sync.syncNow()]).catch(() => undefined)
      await shows(ended)
      await reachesPath(phone, '/sign-in?ended=1')
      await expect.poll(() => storedActions(phone)).toBe(0)
      expect(await storedOutbox(phone)).toBe(0)
      expect(await phoneShell.nav.count()).toBe(0)
      await expectNoViolations(phone, 'sign-in after the session was ended')
    }, iPhone)
  })

  it("a plan admin ends a practitioner's sessions from People; the practitioner's tablet removes its data when it next opens", async () => {
    await withDevice(async (practitionerTablet) => {
      await signIn(practitionerTablet, practitioner)
      expect(await storedActions(practitionerTablet)).toBeGreaterThan(0)

      await withDevice(async (adminPage) => {
        const admin = new AppShell(adminPage)
        const signInPage = new SignInPage(adminPage)
        await signInPage.open()
        await signInPage.submitAs('admin@demo.local')
        await admin.nav.getByRole('link', { name: 'People' }).click()
        await shows(admin.heading('People'))
        const row = admin.main.getByRole('row', { name: /^Alex Morgan \(demo\)/ })
        await shows(row.getByRole('cell', { name: '1 device' }))
        await expectNoViolations(adminPage, 'People')
        await row.getByRole('button', { name: 'End sessions of Alex Morgan (demo)' }).click()
        await shows(row.getByText('End the session of Alex Morgan (demo)?'))
        await row.getByRole('button', { name: 'Yes, end sessions of Alex Morgan (demo)' }).click()
        await shows(adminPage.getByRole('status').getByText('Ended 1 session of Alex Morgan (demo).'))
        await shows(row.getByRole('cell', { name: '0 devices' }))
      })

      await practitionerTablet.reload()
      await shows(
        practitionerTablet.getByText(/^You were signed out of this device from another device or by a plan admin/),
      )
      await expect.poll(() => storedActions(practitionerTablet)).toBe(0)
    })
  })

  it('People is only in the navigation of plan admins', async () => {
    await withDevice(async (page) => {
      await signIn(page, manager)
      const shell = new AppShell(page)
      await shows(shell.nav.getByRole('link', { name: 'Your devices' }))
      expect(await shell.nav.getByRole('link', { name: 'People' }).count()).toBe(0)
    })
  })
})

describe('the service worker and security headers', () => {
  it('never answers the API with the app shell', async () => {
    await withDevice(async (page) => {
      const shell = new AppShell(page)
      await signIn(page)
      await shell.waitForServiceWorkerControl()
      await shows(shell.heading(teamName))

      const response = await page.goto('/api/health')
      expect(response?.headers()['content-type']).toMatch(/^application\/json/)
      expect(await response?.json()).toMatchObject({ status: 'ok' })
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

      // An address under /api that does not exist is the API's 404, not the app's page.
      const missing = await page.goto('/api/no-such-thing')
      expect(missing?.status()).toBe(404)
      expect(missing?.headers()['content-type']).toMatch(/^application\/json/)
    })
  })

  it('sends a Content-Security-Policy, and a whole session breaks no rule and logs no error', async () => {
    await withDevice(async (page, context) => {
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
          problems.push(`console ${message.type()}: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      await context.exposeFunction('reportCspViolation', (violation: string) =>
        problems.push(`CSP violation: ${violation}`),
      )
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          void (window as unknown as { reportCspViolation(v: string): Promise<void> }).reportCspViolation(
            `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
          )
        })
      })

      const first = await page.goto('/sign-in')
      const csp = first?.headers()['content-security-policy'] ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("object-src 'none'")
      const api = await context.request.get('/api/health')
      expect(api.headers()['content-security-policy']).toContain("default-src 'self'")

      const shell = new AppShell(page)
      const signInPage = new SignInPage(page)
      await shows(signInPage.heading)
      await signInPage.submitAs(practitioner)
      await shows(shell.heading(teamName))
      await shell.waitForServiceWorkerControl()
      await shows(shell.heading(teamName))

      await shell.sync.syncNow()
      await shows(shell.sync.lastSynced)

      await shell.goTo('The plan')
      const plan = new PlanPage(page)
      await plan.waitUntilShown()
      await plan.areaFilter.selectOption({ label: 'Kingston' })
      await shows(plan.shownCount.getByText('13 projects shown.'))
      await plan.main.getByRole('link', { name: projectName('K9') }).click()
      await shows(shell.heading(/^K9 /))

      await shell.goTo('Search')
      await new SearchPage(page).search('workforce')

      await page.goto('/not/a/page')
      await shows(shell.heading('Page not found'))
      await page.getByRole('link', { name: 'Go to My team' }).click()
      await shows(shell.heading(teamName))

      await shell.signOut()
      await shows(signInPage.heading)

      expect(problems).toEqual([])
    })
  })
})
