import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { AppShell, planTitle, teamName } from './page-models/app-shell'
import { focused, tabThroughPage } from './page-models/keyboard'
import { ChoosePinPage, demoPassword, devicePin, practitioner } from './page-models/sign-in-page'
import { shows } from './page-models/waits'
import { openTestDevice, type TestDevice } from './page-models/test-device'

let world: TestDevice
let page: Page
let shell: AppShell

beforeAll(async () => {
  // A tablet with a keyboard attached.
  world = await openTestDevice('tablet landscape')
  ;({ page, shell } = world)
})
afterAll(() => world?.close())

/** Presses Tab until focus lands on the element named `name`; fails after `limit` presses. */
async function tabTo(name: string, limit = 20): Promise<void> {
  const passed: string[] = []
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab')
    const stop = await focused(page)
    if (stop?.name === name) return
    passed.push(stop?.name ?? '(nothing)')
  }
  throw new Error(`Tab never reached "${name}"; it passed ${passed.join(', ')}`)
}

describe('using the keyboard alone', () => {
  it('signs in with Tab, typing and Enter', async () => {
    await page.goto('/sign-in')
    await shows(page.getByRole('heading', { level: 1, name: 'Sign in' }))
    await tabTo('Email address')
    await page.keyboard.type(practitioner)
    await tabTo('Password')
    await page.keyboard.type(demoPassword)
    await page.keyboard.press('Enter')
    // Then a PIN for this device, the same way.
    await shows(new ChoosePinPage(page).heading, 30_000)
    await tabTo('New PIN')
    await page.keyboard.type(devicePin)
    await tabTo('Enter the new PIN again')
    await page.keyboard.type(devicePin)
    await page.keyboard.press('Enter')
    await shows(shell.heading(teamName))
  })

  it('the first Tab stop is "Skip to main content", and it moves focus into main', async () => {
    await page.goto('/my-team')
    await shows(shell.heading(teamName))
    await page.keyboard.press('Tab')
    const first = await focused(page)
    expect(first?.name).toBe('Skip to main content')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector('main')?.contains(document.activeElement))
    // The next Tab goes on from inside main, not back to the header.
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ inMain: true })
  })

  it('shows where focus is', async () => {
    await page.goto('/my-team')
    await shows(shell.heading(teamName))
    await tabTo('My team')
    const link = await focused(page)
    expect(link?.tag).toBe('a')
    expect(link?.outlineStyle).not.toBe('none')
    expect(parseFloat(link?.outlineWidth ?? '0')).toBeGreaterThan(0)
  })

  const screens = [
    { screen: 'My team', path: '/my-team', heading: teamName },
    { screen: 'The plan', path: '/plan', heading: planTitle },
    { screen: 'a project page', path: '/plan', heading: planTitle, project: 'K9' },
    { screen: 'Search with results', path: '/search?q=transition', heading: 'Search the plan' },
  ]
  it.each(screens)(
    'Tab reaches everything on $screen, and everything it reaches has a name',
    async ({ path, heading, project }) => {
      await page.goto(path)
      await shows(shell.heading(heading))
      if (project) {
        await page
          .getByRole('main')
          .getByRole('link', { name: new RegExp(`^${project}\\s*: `) })
          .click()
        await shows(shell.heading(new RegExp(`^${project} `)))
        // Start from the top of the page, as someone arriving at the address would.
        await page.reload()
        await shows(shell.heading(new RegExp(`^${project} `)))
      }
      if (path.startsWith('/search')) await shows(page.getByRole('main').getByRole('status'))
      const { stops, unreached } = await tabThroughPage(page)
      expect(stops.length).toBeGreaterThan(5)
      expect(stops[0]?.name).toBe('Skip to main content')
      expect(unreached, 'visible interactive elements Tab never reached').toEqual([])
      expect(
        stops.filter((stop) => stop.name === '').map((stop) => stop.tag),
        'focused elements without a name',
      ).toEqual([])
      expect(
        stops.filter((stop) => !stop.indicated).map((stop) => `${stop.tag} "${stop.name}"`),
        'focused elements with no visible focus',
      ).toEqual([])
    },
  )
})
