import type { Page } from 'playwright-core'
import { SyncStatus } from './sync-status'
import { shows } from './waits'

export const teamName = 'Kingston Children with Disabilities Team'
export const planTitle = 'Achieving more for Children'

/** What every signed-in screen has: the main navigation, the sync status, and the page's main heading. */
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

  /** 'The plan' is the organisation's current plan, opened from the list of plans. */
  async goTo(link: 'My team' | 'My actions' | 'Surveys' | 'Plans' | 'The plan' | 'Search'): Promise<void> {
    await this.nav.getByRole('link', { name: link === 'The plan' ? 'Plans' : link, exact: true }).click()
    if (link === 'The plan') await this.main.getByRole('link', { name: planTitle, exact: true }).first().click()
  }

  async signOut(): Promise<void> {
    await this.nav.getByRole('button', { name: 'Sign out' }).click()
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
