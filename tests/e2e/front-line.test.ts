import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { DeviceName } from '../support/chromium'
import { teamName } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { openOfflineWorld, type OfflineWorld } from './page-models/test-device'
import { reachesPath, shows } from './page-models/waits'
import { projectName } from './page-models/screens'

// The front line at a glance, read as a person in a car park would: the server stopped after the first sync.
let world: OfflineWorld

beforeAll(async () => {
  world = await openOfflineWorld()
})
afterEach(() => world.endTest())
afterAll(() => world?.close())

/** True if the whole of the element is inside the first screen, with the page not scrolled. */
async function onFirstScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const height = page.viewportSize()!.height
  return box !== null && box.y >= 0 && box.y + box.height <= height
}

const pageScreens = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight)

const devices: DeviceName[] = ['tablet portrait', 'tablet landscape', 'phone']

describe('My team, this quarter, offline', () => {
  it.each(devices)(
    'on a %s the first screen says how the team’s projects stand and what is due from the person',
    async (device) => {
      const { page, shell } = await world.offlineAs('practitioner@demo.local', teamName, device)
      const main = shell.main
      const quarter = main.getByRole('region', { name: /^This quarter, \d{4}\/\d{2} Q[1-4]$/ })
      await shows(quarter)
      expect((await quarter.innerText()).replace(/\s+/g, ' ')).toMatch(
        /Your team has 3 projects: .*\. 2 milestones overdue; .*\.$/,
      )
      const due = main.getByRole('region', { name: 'Due from you' })
      const overdue = due.getByRole('link', { name: 'Every Year 10 young person with SEND has a transition plan' })
      await shows(overdue)
      await shows(due.getByText(/^Overdue, was due/).first())

      await page.evaluate(() => window.scrollTo(0, 0))
      expect(await onFirstScreen(page, quarter)).toBe(true)
      expect(await onFirstScreen(page, overdue)).toBe(true)
      if (device !== 'phone') {
        // The tablet's first screen reaches the team's own projects too.
        const own = main.getByRole('region', { name: "Your team's projects" })
        expect(await onFirstScreen(page, own.getByRole('heading', { level: 2 }))).toBe(true)
      }
      if (device === 'tablet portrait') expect(await pageScreens(page)).toBeLessThanOrEqual(3)
      if (device === 'phone') {
        // Every link and button on the page is a target a thumb can hit.
        const targets = await main.locator('a, button, summary').all()
        for (const target of targets) {
          if (!(await target.isVisible())) continue
          const box = (await target.boundingBox())!
          expect(box.height, (await target.innerText()).trim()).toBeGreaterThanOrEqual(44)
        }
      }

      // Each project is one row: code and a short title, its lead, its status in words, what is next.
      const k9 = main.getByRole('listitem').filter({ has: page.getByRole('link', { name: projectName('K9') }) })
      await shows(k9)
      const row = (await k9.innerText()).replace(/\s+/g, ' ')
      expect(row).toMatch(/^K9\s*: Work with adult care and housing providers to improve…/)
      expect(row).toContain('Associate Director for SEND')
      expect(row).toContain('At risk (amber)')
      expect(row).toContain('1 overdue')
      expect(row).toContain('Next: A revised transitions protocol has been agreed')
      // The plan's own 2021 milestone and 2024 measure are long past: not shown as this quarter's.
      expect(await main.getByText(/March 2021|March 2024/).count()).toBe(0)

      // The rest of the plan is one tap away.
      const rest = main.getByText(/^\d+ more projects for your area and the whole organisation$/)
      await rest.click()
      await shows(main.getByRole('heading', { level: 3 }).first())
      await expectNoViolations(page, `My team on a ${device}`)
    },
  )

  it("a manager sees each person's own work, what is overdue, and who has not updated this quarter", async () => {
    const { page, shell } = await world.offlineAs('manager@demo.local', teamName, 'tablet portrait')
    const people = shell.main.getByRole('region', { name: 'Your team’s people' })
    await shows(people)
    const alex = people.getByRole('row', { name: /^Alex Morgan \(demo\)/ })
    await shows(alex)
    expect((await alex.innerText()).replace(/\s+/g, ' ')).toMatch(/Alex Morgan \(demo\) 3 2 \(oldest due .*\)/)
    await shows(people.getByText(/have not posted an update or evidence in \d{4}\/\d{2} Q[1-4]\.$/))
    expect(await pageScreens(page)).toBeLessThanOrEqual(3)
    await expectNoViolations(page, 'My team for a manager')
  })
})

describe('a milestone’s own page, offline', () => {
  it('opens from My actions showing only mine, takes evidence set to the milestone, and opens again by its address', async () => {
    const { page, shell } = await world.offlineAs('practitioner@demo.local', teamName, 'tablet portrait')
    await shell.goTo('My actions')
    await page.getByLabel('Only what is assigned to me').check()
    await reachesPath(page, '/my-actions?mine=1')
    const main = shell.main
    await shows(main.getByText(/^\d+ items?\.$/))
    const items = await main.getByRole('listitem').allInnerTexts()
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) expect(item).toContain('assigned to You')

    await expectNoViolations(page, 'My actions, only mine')
    const title = 'Every Year 10 young person with SEND has a transition plan'
    await main.getByRole('link', { name: title }).click()
    await reachesPath(page, /^\/milestones\/[\w-]+$/)
    await shows(shell.heading(title))
    const status = main.locator('p').filter({ hasText: 'Status:' }).first()
    await shows(status)
    expect((await status.innerText()).replace(/\s+/g, ' ').trim()).toMatch(/^Status: At risk \(amber\) · Overdue/)
    await expectNoViolations(page, 'a milestone page')

    const evidence = main.getByRole('region', { name: 'Evidence' })
    expect(await evidence.getByLabel('Milestone (optional)').inputValue()).not.toBe('')
    await expect
      .poll(() =>
        evidence.getByLabel('Milestone (optional)').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
      )
      .toBe(title)
    await evidence.getByLabel('Note').fill('Transition plans for 14 of 16 Year 10s are done; two booked for next week.')
    await evidence.getByRole('button', { name: 'Save evidence' }).click()
    await shows(evidence.getByText('Transition plans for 14 of 16 Year 10s are done; two booked for next week.'))

    // Deep-linked, with the server still stopped: the page is the same.
    await page.reload()
    await shows(shell.heading(title))
    await shows(main.getByRole('region', { name: 'Evidence' }).getByText(/^Transition plans for 14 of 16/))
    await shows(main.getByRole('heading', { level: 2, name: 'History' }))
  })
})

describe('one status language on the project page, offline', () => {
  const k9Update = async (email: string) => {
    const { page, shell } = await world.offlineAs(email, teamName, 'tablet portrait')
    await shell.goTo('My team')
    await shell.main.getByRole('link', { name: projectName('K9') }).click()
    await shows(shell.heading(/^K9 /))
    return { page, main: shell.main, updates: shell.main.getByRole('region', { name: 'Quarterly updates' }) }
  }
  const statusLine = (main: Locator) => main.locator('p').filter({ hasText: 'Status:' }).first()

  it('a practitioner’s update is a comment: the form says so, lists every problem at once, and the status stays', async () => {
    const { page, main, updates } = await k9Update('practitioner@demo.local')
    await shows(updates.getByText(/^Your update is a comment\. The project’s status is set by its lead/))
    await updates.getByRole('button', { name: 'Post comment' }).click()
    const summary = updates.getByRole('alert').filter({ hasText: 'There is a problem' })
    await shows(summary)
    await shows(summary.getByRole('link', { name: 'Select how the project is doing' }))
    await expectNoViolations(page, 'a quarterly update with its problems showing')

    await updates.getByRole('radio', { name: /On track \(green\)/ }).check()
    await updates.getByLabel('Commentary').fill('Visits are on plan; two transition plans done this week.')
    await updates.getByRole('button', { name: 'Post comment' }).click()
    await shows(updates.getByText('Comment saved on this device. It will be sent when there is a connection.'))
    expect((await statusLine(main).innerText()).replace(/\s+/g, ' ')).toContain('At risk (amber)')
  })

  it('the manager of the leading team sets the status with their update, at once on the device', async () => {
    const { page, main, updates } = await k9Update('manager@demo.local')
    await shows(updates.getByText('Your update sets the project’s status.'))
    await updates.getByRole('radio', { name: /Off track \(red\)/ }).check()
    await updates.getByLabel('Commentary').fill('The protocol has slipped: adult care has not signed it off.')
    await updates.getByRole('button', { name: 'Post update' }).click()
    await expect
      .poll(async () => (await statusLine(main).innerText()).replace(/\s+/g, ' '))
      .toContain('Off track (red)')
    await main.getByText('What the statuses mean').first().click()
    await shows(
      main.getByText(/^Every project and milestone is Not started, On track \(green\), At risk \(amber\)/).first(),
    )
    await expectNoViolations(page, 'a project page after the manager’s update')
  })
})
