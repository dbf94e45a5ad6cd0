import type { Locator, Page } from 'playwright-core'
import { SyncStatus } from './sync-status'
import { shows } from './waits'

export const teamName = 'Kingston Children with Disabilities Team'
export const planTitle = 'Achieving more for Children'

/** The places the main navigation leads to; on a phone the last three are behind "More". */
export type Place = 'My team' | 'My actions' | 'Surveys' | 'Plans' | 'The plan' | 'Search' | MorePlace
export type MorePlace = 'Your devices' | 'People' | 'Import'

/**
 * What every signed-in screen has: the main navigation (a bar under the header on tablets
 * and computers, a tab bar at the bottom on a phone), the sync status, and the page's main heading.
 */
export class AppShell {
  readonly sync: SyncStatus
  constructor(readonly page: Page) {
    this.sync = new SyncStatus(page)
  }

  get nav() {
    return this.page.getByRole('navigation', { name: 'Main' })
  }
  get main() {
    return this.page.getByRole('main')
  }
  heading(name: string | RegExp) {
    return this.main.getByRole('heading', { level: 1, name })
  }

  /** The phone's "More" tab; not there on wider screens, where everything is in the bar. */
  get moreButton() {
    return this.nav.getByRole('button', { name: 'More', exact: true })
  }

  /** A link in the main navigation, opening "More" first on a phone if that is where it is. */
  async navLink(name: string): Promise<Locator> {
    const link = this.nav.getByRole('link', { name, exact: true })
    if (!(await link.isVisible()) && (await this.moreButton.isVisible())) await this.moreButton.click()
    return link
  }

  /** 'The plan' is the organisation's current plan, opened from the list of plans. */
  async goTo(place: Place): Promise<void> {
    await (await this.navLink(place === 'The plan' ? 'Plans' : place)).click()
    if (place === 'The plan') await this.main.getByRole('link', { name: planTitle, exact: true }).first().click()
  }

  async signOut(): Promise<void> {
    const button = this.nav.getByRole('button', { name: 'Sign out' })
    if (!(await button.isVisible()) && (await this.moreButton.isVisible())) await this.moreButton.click()
    await button.click()
  }

  async showsMyTeam(): Promise<void> {
    await shows(this.heading(teamName))
  }

  /**
   * Waits until the service worker is active and controls this page. No reload: the first
   * worker on a device takes over the page that installed it.
   */
  async waitForServiceWorkerControl(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, {
      timeout: 15_000,
    })
  }
}
