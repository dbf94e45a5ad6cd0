import type { Locator, Page } from 'playwright-core'

/** How long a person would wait for something to appear before calling it broken. */
export const patience = 15_000

/** Waits until the locator's one element is visible; fails with the locator's description. */
export async function shows(locator: Locator, timeout = patience): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout })
}

/** Waits until nothing the locator matches is visible. */
export async function hides(locator: Locator, timeout = patience): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout })
}

/** Waits for the browser's own address to reach `path` (with its query). */
export async function reachesPath(page: Page, path: string | RegExp, timeout = patience): Promise<void> {
  await page.waitForURL(
    (url) => (typeof path === 'string' ? url.pathname + url.search === path : path.test(url.pathname + url.search)),
    {
      timeout,
    },
  )
}

/** The accessible names of every link a locator holds, in page order. */
export async function linkNames(scope: Locator): Promise<string[]> {
  const links = await scope.getByRole('link').all()
  return Promise.all(links.map(async (link) => ((await link.textContent()) ?? '').replace(/\s+/g, ' ').trim()))
}
