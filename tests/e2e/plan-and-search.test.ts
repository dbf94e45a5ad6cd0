import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { AppShell, planTitle } from './page-models/app-shell'
import { codeOf, PlanPage, projectName, SearchPage } from './page-models/screens'
import { signIn } from './page-models/sign-in-page'
import { linkNames, reachesPath, shows } from './page-models/waits'
import { openTestDevice, type TestDevice } from './page-models/test-device'

let world: TestDevice
let page: Page
let shell: AppShell

beforeAll(async () => {
  world = await openTestDevice('tablet landscape')
  ;({ page, shell } = world)
  await signIn(page)
})
afterAll(() => world?.close())

const priorities = [
  'Stronger families',
  'Positive futures',
  'Excellent workforce',
  'Financial stability',
  'Commercial success',
  'Smarter working',
]
const howWeWork = [
  'We put children and young people first',
  'We embrace diversity and champion inclusion',
  'We are resourceful, adaptable and dependable',
  'We nurture strong, responsive and caring relationships',
  'We lead and support partnerships to meet the needs of children and families',
  'We value and invest in our staff to deliver innovative and quality services',
  'We will work with our own councils to deliver the most effective solutions for them',
]

/** The codes of the projects The plan lists, in order. */
async function projectCodes(plan: PlanPage): Promise<string[]> {
  return (await linkNames(plan.main.getByRole('article'))).map((name) => codeOf(name) ?? name)
}

describe('The plan', () => {
  it('shows the vision, values, how we work and the six priorities', async () => {
    const plan = new PlanPage(page)
    await shell.goTo('The plan')
    await plan.waitUntilShown()
    await shows(shell.heading(planTitle))

    await shows(plan.main.getByRole('heading', { level: 2, name: 'Our vision' }))
    await shows(
      plan.main.getByText(
        /^Our vision is to provide children and their families with the support and services they need/,
      ),
    )

    for (const [value, meaning] of [
      ['Trust', /^We are reliable, others can count on us/],
      ['Respect', /^We will listen to and value other people's perspectives/],
      ['Empower', /^We help others to realise their ability and potential/],
    ] as const) {
      const card = plan.main
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3, name: value, exact: true }) })
      await shows(card.getByText(meaning))
    }

    await shows(plan.main.getByRole('heading', { level: 2, name: 'How we work' }))
    const statements = plan.main
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: /^We / }) })
    expect(await statements.getByRole('heading').allTextContents()).toEqual(howWeWork)

    expect(
      await plan.main
        .getByRole('region')
        .getByRole('heading', { level: 3, name: new RegExp(`^(${priorities.join('|')})$`) })
        .allTextContents(),
    ).toEqual(priorities)
    for (const title of priorities) {
      const priority = plan.priority(title)
      await shows(priority.getByText(/^What we will achieve: \S/))
      await shows(priority.getByText(/^Why this is important: \S/))
    }
    await shows(plan.shownCount.getByText('47 projects shown.'))
    expect(await plan.projectLinks.count()).toBe(47)
  })

  it('filters projects by area, says how many it shows, and keeps the filter across a reload', async () => {
    const plan = new PlanPage(page)
    await page.goto('/plan')
    await plan.waitUntilShown()
    await plan.areaFilter.selectOption({ label: 'Richmond' })
    await reachesPath(page, /^\/plans\/[\w-]+\?area=.+/)
    await shows(plan.shownCount.getByText('14 projects shown.'))
    const richmond = await projectCodes(plan)
    expect(richmond).toHaveLength(14)
    expect(
      richmond.filter((code) => !/^R\d+$/.test(code)),
      'projects from outside Richmond',
    ).toEqual([])

    const filtered = page.url()
    await page.reload()
    await plan.waitUntilShown()
    expect(page.url()).toBe(filtered)
    await shows(plan.shownCount.getByText('14 projects shown.'))
    expect(await projectCodes(plan)).toEqual(richmond)
    expect(await plan.areaFilter.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(
      'Richmond',
    )

    await plan.areaFilter.selectOption({ label: 'All areas' })
    await reachesPath(page, /^\/plans\/[\w-]+$/)
    await shows(plan.shownCount.getByText('47 projects shown.'))
  })

  it('opens a project page with its lead, milestone, success measure and links to other plans', async () => {
    const plan = new PlanPage(page)
    await page.goto('/plan')
    await plan.waitUntilShown()
    await plan.main.getByRole('link', { name: projectName('K9') }).click()
    await reachesPath(page, /^\/plan\/actions\/[\w-]+$/)
    const main = shell.main
    await shows(
      shell.heading(/^K9 Work with adult care and housing providers to improve pathway and transition planning/),
    )
    await shows(
      main
        .getByRole('definition')
        .filter({ hasText: /^Associate Director for SEND \(Kingston Children with Disabilities Team\)$/ }),
    )
    await shows(main.getByRole('term').filter({ hasText: /^What we will achieve for March 2021 \(date passed\)$/ }))
    await shows(main.getByRole('definition').filter({ hasText: /^A revised transitions protocol has been agreed/ }))
    await shows(
      main
        .getByRole('term')
        .filter({ hasText: /^How we will know we have been successful for March 2024 \(date passed\)$/ }),
    )
    await shows(
      main
        .getByRole('definition')
        .filter({ hasText: /^All young people with SEND have an effective transition plan in place by age 15/ }),
    )
    await shows(main.getByRole('term').filter({ hasText: 'Links to other plans' }))
    await shows(
      main
        .getByRole('definition')
        .getByRole('listitem')
        .filter({ hasText: /Corporate Plan for 2019 to 2023: Making Kingston better, together/ }),
    )
  })
})

describe('Search', () => {
  it('finds projects by a word, says how many, and opens the project', async () => {
    const search = new SearchPage(page)
    await shell.goTo('Search')
    await shows(shell.heading('Search the plan'))
    await search.box.fill('transition')
    await shows(search.outcome.getByText(/^\d+ results for “transition”\.\s*$/))
    const count = Number(/^(\d+)/.exec((await search.outcome.textContent())?.trim() ?? '')?.[1])
    expect(await search.results.count()).toBe(count)
    const k9 = search.results.filter({ hasText: /^Project/ }).getByRole('link', { name: /^K9 Work with adult care/ })
    await shows(k9)
    await reachesPath(page, '/search?q=transition')

    await k9.click()
    await reachesPath(page, /^\/plan\/actions\/[\w-]+$/)
    await shows(shell.heading(/^K9 Work with adult care and housing providers/))
  })

  it('says when nothing matches', async () => {
    const search = new SearchPage(page)
    await page.goto('/search')
    await shows(shell.heading('Search the plan'))
    await search.box.fill('xyzzyplugh')
    await shows(search.outcome.getByText('Nothing matches for “xyzzyplugh”.'))
    expect(await search.results.count()).toBe(0)
  })
})
