import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext } from '../support/chromium'
import { AppShell, teamName } from './page-models/app-shell'
import { SignInPage } from './page-models/sign-in-page'
import { storedCount } from './page-models/device-lock-page'
import { PeopleAdmin, setPasswordWithLink } from './page-models/people-pages'
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

async function withDevice(run: (page: Page) => Promise<void>): Promise<void> {
  const context = await newDeviceContext(browser, 'tablet portrait', app.origin)
  try {
    await run(await context.newPage())
  } finally {
    await context.close()
  }
}

const newcomer = {
  name: 'Jamie Newstart',
  jobTitle: 'Family support worker',
  email: 'jamie.newstart@demo.local',
  team: teamName,
}
const password = 'jamie first password'

it('a plan admin adds a person, who sets their password with the code; deactivating them clears their tablet at its next contact and they cannot sign in again', async () => {
  await withDevice(async (adminPage) => {
    const signInPage = new SignInPage(adminPage)
    await signInPage.open()
    await signInPage.submitAs('admin@demo.local')
    const admin = new PeopleAdmin(adminPage)
    const code = await admin.add(newcomer)
    await expectNoViolations(adminPage, 'Add a person, with the code')

    await withDevice(async (tablet) => {
      await setPasswordWithLink(tablet, code, newcomer.email, password)
      const shell = new AppShell(tablet)
      await shell.showsMyTeam()
      expect(await storedCount(tablet, 'actions')).toBeGreaterThan(0)

      await admin.deactivate(newcomer.name)
      await expectNoViolations(adminPage, 'A deactivated person')

      // The tablet's next contact with the server: its data goes, and it says why.
      await tablet.reload()
      await shows(tablet.getByText(/^You were signed out of this device from another device or by a plan admin/))
      await reachesPath(tablet, '/sign-in?ended=1')
      await expect.poll(() => storedCount(tablet, 'actions')).toBe(0)

      const again = new SignInPage(tablet)
      await again.submitAs(newcomer.email, password)
      await shows(
        again.problem.getByText('This account has been deactivated. Ask your plan admin if this is a mistake.'),
      )
    })

    await admin.openPeople()
    const row = admin.shell.main.getByRole('row', { name: new RegExp(`^${newcomer.name}`) })
    await shows(row.getByText('Deactivated'))
  })
})
