import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { AppShell } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { openOfflineWorld, type OfflineWorld } from './page-models/test-device'
import { SearchPage } from './page-models/screens'
import { reachesPath, shows } from './page-models/waits'

const BUDGET = "Children's Services revenue budget 2017-2018 in Achieving for Children"

let world: OfflineWorld

beforeAll(async () => {
  world = await openOfflineWorld()
})
afterEach(() => world.endTest())
afterAll(() => world?.close())

const offlineAs = (email: string, team: string) => world.offlineAs(email, team, 'tablet portrait')

async function openPlan(page: Page, shell: AppShell, title: string): Promise<void> {
  await shell.goTo('Plans')
  await shows(shell.heading('Plans'))
  await shell.main.getByRole('link', { name: title, exact: true }).first().click()
  await reachesPath(page, /^\/plans\/[\w-]+$/)
  await shows(shell.heading(title))
}

/** A part of the plan folded away under its heading: opened as a person would, by its summary. */
async function unfold(shell: AppShell, heading: string) {
  const part = shell.main.getByRole('region', { name: heading })
  await part.locator('summary').click()
  return part
}

describe('plans, each in its own shape, offline', () => {
  it('AfC: the 2020/24 plan is current, and the 2019 framework is earlier, superseded and succeeded by it', async () => {
    const { page, shell } = await offlineAs('practitioner@demo.local', 'Kingston Children with Disabilities Team')
    await shell.goTo('Plans')
    await shows(shell.heading('Plans'))
    const current = shell.main.getByRole('region', { name: 'Current plans' })
    const earlier = shell.main.getByRole('region', { name: 'Earlier plans' })
    await shows(current.getByRole('link', { name: 'Achieving more for Children', exact: true }))
    const framework = earlier.getByRole('listitem').filter({ hasText: 'Framework for the Business Plan' })
    await shows(framework.getByText('Superseded', { exact: true }))
    await shows(framework.getByRole('link', { name: 'Achieving more for Children', exact: true }))
    await expectNoViolations(page, 'the plans list')

    await framework.getByRole('heading').getByRole('link').click()
    await reachesPath(page, /^\/plans\/[\w-]+$/)
    await shows(shell.main.getByText(/Superseded by/))
    // Its forty draft priorities, ten under each of the four columns.
    await shows(shell.main.getByRole('heading', { level: 2, name: 'Themes and actions' }))
    expect(await shell.main.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(4)
    await expectNoViolations(page, 'a superseded framework')
  })

  it('Kirklees: recommendation 12 sits under two themes, and nothing is shown as an action where the plan has none', async () => {
    const { page, shell } = await offlineAs('admin@kirklees.demo.local', 'My team')
    await shell.goTo('Plans')
    const outcomes = shell.main.getByRole('region', { name: 'Outcomes our plans serve' })
    await shows(outcomes.getByRole('link', { name: 'Outcome 1: Children have the best start in life' }))
    expect(await outcomes.getByRole('link').count()).toBe(7)
    await expectNoViolations(page, "Kirklees's plans and its seven partnership outcomes")
    await openPlan(page, shell, "Children's Improvement Plan")
    const recommendations = await unfold(shell, 'Recommendations this plan answers')
    const twelve = recommendations
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /recommendation 12$/i }) })
      .first()
    await shows(twelve)
    await shows(twelve.getByRole('link', { name: /Children who need help and protection/ }))
    await shows(twelve.getByRole('link', { name: /Leadership, Management and Governance/ }))
    const documentControl = await unfold(shell, 'Document control')
    await shows(documentControl.getByText('Improvement Board', { exact: false }).first())
    await expectNoViolations(page, "Kirklees's improvement plan, recommendations and document control open")
  })

  it("RBWM: the risk register carries the demo's ratings (the document gives none), the budget is a table, and a milestone's deadline is kept as written", async () => {
    const { page, shell } = await offlineAs('practitioner@rbwm.demo.local', 'Early Help and MASH Team (demo)')
    await openPlan(page, shell, "Children's Services Business Plan 2017-2018")
    const risks = await unfold(shell, 'Risk register')
    const caseloads = risks
      .getByRole('listitem')
      .filter({ hasText: 'Maximum caseload levels exceeded for social workers.' })
      .first()
    await shows(caseloads)
    const facts = await caseloads.locator('dl > div').allInnerTexts()
    // Rated in the app by the demo (src/server/demo/monitoring.json), this quarter's rating being its current one.
    expect(facts.map((fact) => fact.replace(/\s+/g, ' '))).toEqual(
      expect.arrayContaining(['Owner Not given', 'Inherent score 16, very high', 'Residual score 12, high']),
    )
    const budgetSection = await unfold(shell, BUDGET)
    const budget = budgetSection.getByRole('table', { name: /revenue budget 2017-2018/ })
    await shows(budget)
    const grandTotal = budget.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Grand Total' }) })
    await shows(grandTotal.getByRole('cell', { name: '92,734', exact: true }))
    await expectNoViolations(page, "RBWM's business plan, risk register open")

    await shell.goTo('Search')
    const search = new SearchPage(page)
    await search.search('pathways are clear')
    await search.results
      .getByRole('link', { name: /Ensure pathways are clear, mapped and being applied/ })
      .first()
      .click()
    await reachesPath(page, /^\/milestones\/[\w-]+$/)
    await shows(shell.main.getByRole('definition').filter({ hasText: /^January 2017 and ongoing/ }))
    await shows(shell.main.getByText('Thematic case audits', { exact: false }))
  })

  it('Greenwich: coded actions with several leads, what staff said, and the engagement index against the council', async () => {
    const { page, shell } = await offlineAs('practitioner@greenwich.demo.local', 'Early Help Division Team (demo)')
    await openPlan(page, shell, "Children's Services Business Plan 2018-20")
    await shows(shell.main.getByRole('link', { name: /G5.*Review of management information systems/ }))
    await shows(shell.main.getByRole('heading', { name: 'What staff said' }).first())
    await shows(
      shell.main.getByText('Improved technology better ways of communicating when in the field (tablets)', {
        exact: false,
      }),
    )
    const measures = shell.main.getByRole('region', { name: 'Measures' })
    await shows(measures.getByText(/77/).first())
    await shows(measures.getByText(/72/).first())
    await expectNoViolations(page, "Greenwich's business plan")
  })
})
