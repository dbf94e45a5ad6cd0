import { afterAll, afterEach, beforeAll, describe, it } from 'vitest'
import type { Page } from 'playwright-core'
import { AppShell } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { openOfflineWorld, type OfflineWorld } from './page-models/test-device'
import { SearchPage } from './page-models/screens'
import { reachesPath, shows } from './page-models/waits'

let world: OfflineWorld

beforeAll(async () => {
  world = await openOfflineWorld()
})
afterEach(() => world.endTest())
afterAll(() => world?.close())

const offlineAs = (email: string, team: string) => world.offlineAs(email, team)

/** The walk up on a page: a navigation landmark named for the thread. */
const threadUp = (page: Page) => page.getByRole('main').getByRole('navigation', { name: 'The golden thread' })

async function searchFor(page: Page, shell: AppShell, query: string): Promise<SearchPage> {
  await shell.goTo('Search')
  await shows(shell.heading('Search the plan'))
  const search = new SearchPage(page)
  await search.search(query)
  return search
}

describe('the golden thread, walked offline', () => {
  it('Kirklees: from an outcome down to a theme, and from recommendation 12 to both of the themes it sits under', async () => {
    const { page, shell } = await offlineAs('practitioner@kirklees.demo.local', 'Duty and Assessment Team (demo)')
    const main = shell.main

    const search = await searchFor(page, shell, 'best start')
    await search.results
      .filter({ hasText: /^Outcome/ })
      .getByRole('link', { name: 'Outcome 1: Children have the best start in life' })
      .click()
    await reachesPath(page, /^\/outcomes\/[\w-]+$/)
    await shows(shell.heading('Children have the best start in life'))
    await shows(main.getByRole('heading', { level: 2, name: 'Plans that serve it' }))
    const plan = main.getByRole('region', { name: "Children's Improvement Plan" })
    await shows(plan)
    await expectNoViolations(page, 'the outcome page')

    await plan.getByRole('link', { name: 'Theme 1: Children who need help and protection' }).click()
    await reachesPath(page, /^\/themes\/[\w-]+$/)
    await shows(shell.heading('Children who need help and protection'))
    await shows(threadUp(page).getByRole('link', { name: "Children's Improvement Plan" }))
    await shows(threadUp(page).getByRole('link', { name: 'Outcome 1: Children have the best start in life' }))

    // Up again, to a recommendation the theme answers, and down from it.
    await threadUp(page).getByRole('link', { name: 'Ofsted recommendation 12', exact: true }).click()
    await reachesPath(page, /^\/recommendations\/[\w-]+$/)
    await shows(shell.heading('Ofsted recommendation 12'))
    await shows(main.getByText('The plan gives only its number.'))
    await shows(main.getByText('No action answers this recommendation yet.'))
    const themes = main.getByRole('region')
    await shows(themes.getByRole('heading', { level: 3, name: 'Theme 1: Children who need help and protection' }))
    await shows(themes.getByRole('heading', { level: 3, name: 'Theme 3: Leadership, Management and Governance' }))
    await expectNoViolations(page, 'the recommendation page')

    await themes.getByRole('link', { name: 'Theme 3: Leadership, Management and Governance' }).click()
    await shows(shell.heading('Leadership, Management and Governance'))
    await expectNoViolations(page, 'the theme page')
  })

  it('RBWM: from a milestone up to its action, its theme and its plan', async () => {
    const { page, shell } = await offlineAs('practitioner@rbwm.demo.local', 'Early Help and MASH Team (demo)')
    const main = shell.main
    const milestone = 'Ensure clear pathways and process mapping are being applied to all referrals.'

    const search = await searchFor(page, shell, 'clear pathways and process mapping')
    await search.results
      .filter({ hasText: /^Milestone/ })
      .getByRole('link', { name: milestone })
      .click()
    await reachesPath(page, /^\/milestones\/[\w-]+$/)
    await shows(shell.heading(milestone))
    await shows(main.getByRole('definition').filter({ hasText: /^Acting Head of Early Help and MASH$/ }))
    await shows(main.getByRole('definition').filter({ hasText: /^December 2016\s*\(31 December 2016\)$/ }))
    await shows(main.getByRole('definition').filter({ hasText: /^Performance meeting\. Monitoring of new data set$/ }))
    await shows(main.getByText('No evidence for this milestone yet.'))
    await shows(threadUp(page).getByText(milestone))
    await expectNoViolations(page, 'the milestone page')

    const milestonePath = new URL(page.url()).pathname
    const action = /^Improve access and streamline business support processes/
    await threadUp(page).getByRole('link', { name: action }).click()
    await reachesPath(page, /^\/plan\/actions\/[\w-]+$/)
    await shows(shell.heading(action))

    await page.goBack()
    await reachesPath(page, milestonePath)
    await threadUp(page)
      .getByRole('link', { name: 'Theme 1: Delivery of an integrated early help offer and alignment with MASH' })
      .click()
    await reachesPath(page, /^\/themes\/[\w-]+$/)
    await shows(shell.heading('Delivery of an integrated early help offer and alignment with MASH'))
    await shows(main.getByRole('link', { name: action }))

    await page.goBack()
    await reachesPath(page, milestonePath)
    await threadUp(page).getByRole('link', { name: "Children's Services Business Plan 2017-2018" }).click()
    await reachesPath(page, /^\/plans\/[\w-]+$/)
    await shows(shell.heading("Children's Services Business Plan 2017-2018"))
  })
})
