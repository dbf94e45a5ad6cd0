import type { Page } from 'playwright-core'
import { devicePin } from './sign-in-page'

/** The lock screen, which stands in for the whole app once the device has gone unused for a while. */
export class LockScreen {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Golden Thread is locked' })
  }
  get pin() {
    return this.page.getByLabel('PIN', { exact: true })
  }
  get unlockButton() {
    return this.page.getByRole('button', { name: 'Unlock', exact: true })
  }
  get signInAgainButton() {
    return this.page.getByRole('button', { name: 'Sign in again', exact: true })
  }
  get problem() {
    return this.page.getByRole('alert')
  }
  get signedOutHeading() {
    return this.page.getByRole('heading', { level: 1, name: 'Golden Thread has signed out of this device' })
  }

  async unlock(pin = devicePin): Promise<void> {
    await this.pin.fill(pin)
    await this.unlockButton.click()
  }
}

/** How many rows one table of the device database holds, read straight from IndexedDB. */
export function storedCount(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('golden-thread')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const count = db.transaction(name).objectStore(name).count()
          count.onsuccess = () => resolve(count.result)
          count.onerror = () => reject(count.error)
          db.close()
        }
      }),
    table,
  )
}
