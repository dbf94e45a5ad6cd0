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
