import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core'

/** Debian's Chromium; nothing is downloaded. Set CHROMIUM_PATH to use another. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** As root, in a sandbox with no network beyond loopback: nothing may reach out or wait for a GPU. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}

/** The devices every journey runs on: a 10-inch tablet both ways round, and a phone. */
export const devices = {
  'tablet landscape': { viewport: { width: 1180, height: 820 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  'tablet portrait': { viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const
export type DeviceName = keyof typeof devices

/** A fresh browser profile on `device`; `options` adds to it (e.g. `serviceWorkers: 'block'`). */
export function newDeviceContext(
  browser: Browser,
  device: DeviceName,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const place = { locale: 'en-GB', timezoneId: 'Europe/London' }
  return browser.newContext({ ...devices[device], baseURL: origin, ...place, ...options })
}
