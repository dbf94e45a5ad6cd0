import type { Page } from 'playwright-core'
import { shows } from './waits'

/** A project's summary card: an article whose heading links to the project, named "K9: …". */
export function projectCard(page: Page, code: string) {
  return page
    .getByRole('main')
    .getByRole('article')
    .filter({ has: page.getByRole('link', { name: projectName(code) }) })
}
/** A project link's accessible name: its code, a colon, its description ("K9 : Work with…"). */
export const projectName = (code: string) => new RegExp(`^${code}\\s*: `)
/** Any project link, named by its code. */
export const anyProjectName = /^[CKRW]\d+\s*: /
/** The code at the start of a project link's name or text. */
export const codeOf = (name: string) => /^([A-Z]\d+)\s*:/.exec(name)?.[1]

export class MyTeamPage {
  constructor(readonly page: Page) {}
  get main() {
    return this.page.getByRole('main')
  }
  /** A value in the strip of the organisation's values. */
  value(name: string) {
    return this.main
      .getByRole('region', { name: 'Our values' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${name}$`) })
  }
  get ownProjects() {
    return this.main.getByRole('region', { name: "Your team's projects" })
  }
  get ownProjectsHeading() {
    return this.ownProjects.getByRole('heading', { level: 2 })
  }
  /** A row of the team's own projects, by its code. */
  ownProject(code: string) {
    return this.ownProjects
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: projectName(code) }) })
  }
  get rest() {
    return this.main.getByRole('region', { name: 'The rest of the plan' })
  }
  get prioritiesHeading() {
    return this.rest.getByRole('heading', { level: 2 })
  }
  /** Unfolds the rest of the plan: it starts folded, one tap away. */
  async openRest(): Promise<void> {
    const summary = this.rest.getByText(/more projects? for your area and the whole organisation$/)
    if (!(await this.rest.locator('details[open]').count())) await summary.click()
  }
  /** Each priority under the rest of the plan is a region named by its title. */
  get priorities() {
    return this.rest.getByRole('region')
  }
}

export class PlanPage {
  constructor(readonly page: Page) {}
  get main() {
    return this.page.getByRole('main')
  }
  get areaFilter() {
    return this.page.getByLabel('Show projects for')
  }
  get shownCount() {
    return this.main.getByRole('status')
  }
  priority(title: string) {
    return this.main.getByRole('region', { name: title, exact: true })
  }
  get projectLinks() {
    return this.main.getByRole('link', { name: anyProjectName })
  }
  async waitUntilShown(): Promise<void> {
    await shows(this.main.getByRole('heading', { level: 1, name: 'Achieving more for Children' }))
    await shows(this.shownCount)
  }
}

export class SearchPage {
  constructor(readonly page: Page) {}
  get box() {
    return this.page.getByLabel('Search priorities, projects, milestones, values and measures')
  }
  get outcome() {
    return this.page.getByRole('main').getByRole('status')
  }
  get results() {
    return this.page.getByRole('main').getByRole('list').getByRole('listitem')
  }
  async search(query: string): Promise<void> {
    await this.box.fill(query)
    await shows(this.outcome.filter({ hasText: `“${query}”` }))
  }
}
