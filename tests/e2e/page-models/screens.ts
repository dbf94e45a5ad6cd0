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
  value(name: string) {
    return this.main.getByRole('heading', { level: 3, name, exact: true })
  }
  get ownProjectsHeading() {
    return this.main.getByRole('heading', { level: 2, name: "Your team's projects" })
  }
  get prioritiesHeading() {
    return this.main.getByRole('heading', { level: 2, name: 'Priorities for your area and the whole organisation' })
  }
  /** Each priority is a region named by its title. */
  get priorities() {
    return this.main.getByRole('region')
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
