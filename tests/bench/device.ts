import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { chromiumArgs, chromiumPath, devices } from '../support/chromium'

/**
 * A browser profile on disk, like an installed app on a tablet. `browser.newContext()`
 * keeps IndexedDB in memory (incognito), where 20,000 writes run about three times
 * slower than on disk and get slower as the database grows, so it would mislead here.
 * The flags are those of launchChromium (tests/support/chromium.ts).
 */
export interface DeviceProfile {
  context: BrowserContext
  /** Closes the browser and removes the profile. */
  close(): Promise<void>
}

export async function openDeviceProfile(origin: string): Promise<DeviceProfile> {
  mkdirSync('.tmp', { recursive: true })
  const dir = mkdtempSync(resolve('.tmp/bench-profile-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    ...devices['tablet landscape'],
    baseURL: origin,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  })
  return {
    context,
    async close() {
      await context.close().catch(() => undefined)
      // The browser may still be flushing the profile as it exits; retry for a moment.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
    },
  }
}
