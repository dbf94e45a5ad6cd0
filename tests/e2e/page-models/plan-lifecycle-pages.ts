import type { Page } from 'playwright-core'
import { AppShell } from './app-shell'
import { shows } from './waits'

/** A plan's page as a plan admin uses its lifecycle panel ("This plan’s status"). */
export class PlanLifecyclePage {
  readonly shell: AppShell
  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
  }

  get panel() {
    return this.shell.main.getByRole('region', { name: 'This plan’s status' })
  }
  button(name: string) {
    return this.panel.getByRole('button', { name, exact: true })
  }
  get board() {
    return this.panel.getByLabel('Board or meeting that approved it')
  }
  get approvedOn() {
    return this.panel.getByLabel('Date of approval')
  }

  /** Opens a plan from the list of plans, by its title. */
  async open(title: string): Promise<void> {
    await this.page.goto('/plans')
    await shows(this.shell.heading('Plans'))
    await this.shell.main.getByRole('heading', { level: 3, name: title, exact: true }).getByRole('link').click()
    await shows(this.shell.heading(title))
  }

  async startNextVersion(): Promise<void> {
    await this.button('Start next year’s version').click()
    await this.button('Yes, start next year’s version').click()
  }

  async approve(board: string, on: string): Promise<void> {
    await this.board.fill(board)
    await this.approvedOn.fill(on)
    await this.button('Approve this plan').click()
  }
}

/** "What changed since …": each changed record's fields, as terms and their descriptions. */
export class VersionDiffPage {
  constructor(readonly page: Page) {}

  get changed() {
    return this.page
      .getByRole('main')
      .getByRole('heading', { level: 2, name: 'Changed' })
      .locator('xpath=following-sibling::*[1]')
  }
  /** The labels of every changed field, in page order. */
  async fieldLabels(): Promise<string[]> {
    return (await this.changed.getByRole('term').allTextContents()).map((text) => text.trim())
  }
  /** What a changed record's field says it was and is now, by the record's name and the field's label. */
  async said(record: string | RegExp, label: string): Promise<string> {
    const item = this.changed.getByRole('listitem').filter({ hasText: record }).first()
    const term = item
      .getByRole('term')
      .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
      .first()
    const text = await term.locator('xpath=following-sibling::dd[1]').textContent()
    return (text ?? '').replace(/\s+/g, ' ').trim()
  }
}
