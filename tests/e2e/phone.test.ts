import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext, type DeviceName } from '../support/chromium'
import { AppShell, teamName, type Place } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { signIn } from './page-models/sign-in-page'
import { reachesPath, shows } from './page-models/waits'

let app: RunningApp
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchChromium()])
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Each place in the main navigation, where it leads and the heading it opens on. */
const places: { place: Place; path: string; heading: string | RegExp }[] = [
  { place: 'My actions', path: '/my-actions', heading: 'My actions' },
  { place: 'Surveys', path: '/surveys', heading: 'Surveys' },
  { place: 'Plans', path: '/plans', heading: 'Plans' },
  { place: 'Search', path: '/search', heading: 'Search the plan' },
  { place: 'Your devices', path: '/devices', heading: 'Your devices' },
  { place: 'My team', path: '/my-team', heading: teamName },
]

/** The visible links, buttons and disclosures inside `scope`, each with its size. */
async function targetSizes(page: Page, scope: string): Promise<{ name: string; width: number; height: number }[]> {
  const targets = await page.locator(scope).locator('a, button, summary').all()
  const sizes = []
  for (const target of targets) {
    if (!(await target.isVisible())) continue
    const box = await target.boundingBox()
    // Screen-reader-only text is not a target: nothing a finger could press is 1 px.
    if (!box || box.width <= 1) continue
    const name = ((await target.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    sizes.push({ name, width: Math.round(box.width), height: Math.round(box.height) })
  }
  return sizes
}

function expectAllAtLeast44(sizes: { name: string; width: number; height: number }[]) {
  expect(sizes.length).toBeGreaterThan(0)
  expect(sizes.filter((s) => s.width < 44 || s.height < 44)).toEqual([])
}

async function headerHeight(page: Page): Promise<number> {
  const box = await page.getByRole('banner').boundingBox()
  if (!box) throw new Error('no header')
  return box.height
}

/** Goes to every place through the navigation, checking where it lands and that its link says it is current. */
async function visitsEveryPlace(page: Page, shell: AppShell): Promise<void> {
  for (const { place, path, heading } of places) {
    await shell.goTo(place)
    await reachesPath(page, path)
    await shows(shell.heading(heading))
    // On a phone the places behind More are hidden again once one is open, but still marked.
    const link = shell.nav.getByRole('link', { name: place, exact: true, includeHidden: true })
    await expect.poll(() => link.getAttribute('aria-current')).toBe('page')
    expect(await shell.nav.locator('[aria-current="page"]').count()).toBe(1)
  }
}

describe('on a phone', () => {
  let context: BrowserContext
  let page: Page
  let shell: AppShell

  beforeAll(async () => {
    context = await newDeviceContext(browser, 'phone', app.origin)
    page = await context.newPage()
    shell = new AppShell(page)
    await signIn(page)
    await shows(shell.heading(teamName))
  })
  afterAll(() => context?.close())

  it('has a tab bar at the bottom with the main places and More, each named in words', async () => {
    const viewport = page.viewportSize()!
    const bar = await shell.nav.boundingBox()
    expect(bar).not.toBeNull()
    expect(Math.round(bar!.y + bar!.height)).toBe(viewport.height)
    const tabs = shell.nav.locator(':scope > a, :scope > button')
    expect((await tabs.allTextContents()).map((t) => t.trim())).toEqual([
      'My team',
      'My actions',
      'Surveys',
      'Plans',
      'Search',
      'More',
    ])
    expect(await shell.nav.getByRole('link', { name: 'My team' }).getAttribute('aria-current')).toBe('page')
    await expectNoViolations(page, 'My team on a phone')
  })

  it('keeps the header to one line of at most 64 px, with the sync state as an icon and its count', async () => {
    expect(await headerHeight(page)).toBeLessThanOrEqual(64)
    // Named with the whole state, though only the icon shows.
    await shows(shell.sync.connection('Online'))
    await shows(shell.sync.lastSynced)
    const summary = shell.sync.disclosure.locator('summary')
    expect((await summary.boundingBox())!.width).toBeLessThan(120)
  })

  it('makes every target in the header and the tab bar at least 44 px each way, More open or not', async () => {
    expectAllAtLeast44(await targetSizes(page, 'header'))
    await shell.moreButton.click()
    expect(await shell.moreButton.getAttribute('aria-expanded')).toBe('true')
    await shows(shell.nav.getByRole('button', { name: 'Sign out' }))
    expectAllAtLeast44(await targetSizes(page, 'header'))
    await expectNoViolations(page, 'My team on a phone, More open')
    await page.keyboard.press('Escape')
    expect(await shell.moreButton.getAttribute('aria-expanded')).toBe('false')
  })

  it('reaches every place from the tab bar, marking the current one', async () => {
    await visitsEveryPlace(page, shell)
    // The page's end is not hidden under the tab bar.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const main = (await shell.main.boundingBox())!
    const bar = (await shell.nav.boundingBox())!
    const lastThing = await shell.main.locator('*').last().boundingBox()
    expect(lastThing && lastThing.y + lastThing.height).toBeLessThanOrEqual(bar.y + 1)
    expect(main.height).toBeGreaterThan(0)
  })

  it('still starts with the skip link, and the keyboard reaches the tab bar', async () => {
    await page.reload()
    await shows(shell.heading(teamName))
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content')
    // After the header's links, the tab bar's: the keyboard goes where a finger would.
    for (
      let press = 0;
      press < 10 &&
      !(await shell.nav.getByRole('link', { name: 'Search' }).evaluate((link) => link === document.activeElement));
      press += 1
    )
      await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await shows(shell.heading('Search the plan'))
  })
})

const tablets: { device: DeviceName; name: string; options: BrowserContextOptions; maxHeader: number }[] = [
  // A 10-inch tablet as the lead measures it: the header must leave My team's first screen its room.
  {
    device: 'tablet portrait',
    name: 'portrait, 820 × 1180',
    options: { viewport: { width: 820, height: 1180 } },
    maxHeader: 96,
  },
  {
    device: 'tablet landscape',
    name: 'landscape, 1180 × 820',
    options: { viewport: { width: 1180, height: 820 } },
    maxHeader: 96,
  },
]

describe.each(tablets)('on a tablet in $name', ({ device, options, maxHeader }) => {
  let context: BrowserContext
  let page: Page
  let shell: AppShell

  beforeAll(async () => {
    context = await newDeviceContext(browser, device, app.origin, options)
    page = await context.newPage()
    shell = new AppShell(page)
    await signIn(page)
    await shows(shell.heading(teamName))
  })
  afterAll(() => context?.close())

  it('keeps the navigation at the top, every place in it, in a compact header', async () => {
    const header = (await page.getByRole('banner').boundingBox())!
    const nav = (await shell.nav.boundingBox())!
    expect(nav.y + nav.height).toBeLessThanOrEqual(header.y + header.height + 1)
    expect(await headerHeight(page)).toBeLessThanOrEqual(maxHeader)
    expect(await shell.moreButton.isVisible()).toBe(false)
    for (const name of ['My team', 'My actions', 'Surveys', 'Plans', 'Search', 'Your devices'])
      await shows(shell.nav.getByRole('link', { name, exact: true }))
    await shows(shell.nav.getByRole('button', { name: 'Sign out' }))
    expectAllAtLeast44(await targetSizes(page, 'header'))
    await expectNoViolations(page, `My team on a tablet`)
  })

  it('reaches every place from it, marking the current one', async () => {
    await visitsEveryPlace(page, shell)
  })
})
