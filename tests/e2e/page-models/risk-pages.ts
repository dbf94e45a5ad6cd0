import type { Page } from 'playwright-core'
import { AppShell } from './app-shell'
import { shows } from './waits'

/** A plan's risk register: the heat map (a table of likelihood by impact) and the table of every risk. */
export class RiskRegisterPage {
  readonly shell: AppShell
  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
  }

  get heatMap() {
    return this.shell.main.getByRole('table', { name: /^Risks by likelihood/ })
  }
  get allRisks() {
    return this.shell.main.getByRole('table', { name: /^Every risk/ })
  }
  /** The heat map's cell at a likelihood (its row header's word) and an impact (1 to 5, its column). */
  cell(likelihood: string, impact: number) {
    return this.heatMap
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: `Likelihood: ${likelihood}` }) })
      .getByRole('cell')
      .nth(impact - 1)
  }
  /** A risk's row in the table, found by its name (its header goes on to say what the risk is). */
  row(risk: string) {
    return this.allRisks
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${risk}\\b`) }) })
  }
}

/** One risk's page, and its "Rate this risk" form. */
export class RiskPage {
  readonly shell: AppShell
  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
  }

  get form() {
    return this.shell.main.getByRole('region', { name: 'Rate this risk' })
  }
  /** Chooses a point on one of the form's scales: the group by its legend, the point by its word ("Likely (4)"). */
  async choose(scale: string, point: string): Promise<void> {
    await this.form.getByRole('group', { name: scale, exact: true }).getByLabel(point, { exact: true }).check()
  }
  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save rating' }).click()
  }
  get saved() {
    return this.form.getByRole('status').filter({ hasText: 'Rating saved on this device' })
  }
  get history() {
    return this.shell.main.getByRole('table', { name: /^Each quarter’s rating/ })
  }
  async showsCurrent(words: string): Promise<void> {
    await shows(this.shell.main.getByRole('definition').filter({ hasText: words }))
  }
}
