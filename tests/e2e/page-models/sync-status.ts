import type { Page } from 'playwright-core'
import { shows } from './waits'

/**
 * The online/offline and last-sync indicator in the header, and its details. On a phone it
 * shows as a compact icon with the count of changes waiting; the words are still there for
 * screen readers, so the same locators find them.
 */
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
  /** The line beside the connection word: "Waiting for a connection", "Last synced …", "Sending 2 changes…". */
  get line() {
    return this.disclosure.locator('summary .when')
  }
  /** "2 changes sent", in the header's live region, once a sync has sent them. */
  sent(count: number) {
    const text = count === 1 ? '1 change sent' : `${count} changes sent`
    return this.page
      .getByRole('banner')
      .getByRole('status')
      .filter({ hasText: new RegExp(`^\\W*${text}$`) })
  }
  /** What the panel says after "Sync now" was pressed. */
  get reply() {
    return this.disclosure.getByRole('status')
  }
  get syncNowButton() {
    return this.disclosure.getByRole('button', { name: 'Sync now' })
  }

  async open(): Promise<void> {
    if (await this.syncNowButton.isVisible()) return
    await this.disclosure.locator('summary').click()
    await shows(this.syncNowButton)
  }

  async syncNow(): Promise<void> {
    await this.open()
    await this.syncNowButton.click()
  }
}
