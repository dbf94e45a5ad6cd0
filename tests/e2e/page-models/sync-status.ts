import type { Page } from 'playwright-core'
import { shows } from './waits'

/** The online/offline and last-sync indicator in the header, and its details. */
export class SyncStatus {
  constructor(readonly page: Page) {}

  /** The <details> disclosure: a group inside the banner. */
  get disclosure() {
    return this.page.getByRole('banner').getByRole('group')
  }
  /** The connection word, "Online" or "Offline". */
  connection(word: 'Online' | 'Offline') {
    return this.disclosure.getByText(new RegExp(`^\\W*${word}$`))
  }
  get lastSynced() {
    return this.disclosure.getByText(/^Last synced /)
  }
  get syncNowButton() {
    return this.disclosure.getByRole('button', { name: 'Sync now' })
  }

  async open(): Promise<void> {
    if (await this.syncNowButton.isVisible()) return
    // Clicking the visible text inside the summary toggles the disclosure.
    await this.disclosure.getByText(/Last synced|Not synced yet|Syncing…/).click()
    await shows(this.syncNowButton)
  }

  async syncNow(): Promise<void> {
    await this.open()
    await this.syncNowButton.click()
  }
}
