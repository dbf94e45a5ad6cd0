import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { distDir, startApp } from '../support/app-server'
import { AppShell, planTitle } from '../e2e/page-models/app-shell'
import { manager, practitioner, SignInPage } from '../e2e/page-models/sign-in-page'
import { openDeviceProfile } from './device'
import { median, round, type Figure } from './report'

/** The sizes the issue reads the pages at, in CSS pixels. */
const sizes = {
  'tablet portrait 820×1180': { width: 820, height: 1180 },
  'tablet landscape 1180×820': { width: 1180, height: 820 },
  'phone 390×844': { width: 390, height: 844 },
} as const
type SizeName = keyof typeof sizes
/** The goal: My team on a 10-inch tablet in portrait is at most three screens. */
const myTeamGoalScreens = 3
const goalSize: SizeName = 'tablet portrait 820×1180'
const people = { practitioner, manager } as const
type PersonName = keyof typeof people

const runs = 7
const cpuSlowdown = 4

/**
 * A project on My team, however it is drawn (card or row): a link to its page. The
 * selector, not a role, so the page's own script below can use it before any test code runs.
 */
const projectLink = 'main a[href^="/plan/actions/"]'

/**
 * Runs before any script of each page: notes `performance.now()` (milliseconds since
 * navigation start) when the main heading first has a layout box, when the first project
 * link first has one, and the next animation frame after both have (the frame that paints
 * them). A string, so nothing the compiler adds can break it inside the page.
 */
const watchFirstRender = `(() => {
  const boxed = (el) => { if (!el) return false; const box = el.getBoundingClientRect(); return box.width > 0 && box.height > 0 }
  const observer = new MutationObserver(() => {
    const now = performance.now()
    if (window.__gtH1At === undefined && boxed(document.querySelector('main h1'))) window.__gtH1At = now
    if (window.__gtProjectAt === undefined && boxed(document.querySelector(${JSON.stringify(projectLink)}))) window.__gtProjectAt = now
    if (window.__gtH1At === undefined || window.__gtProjectAt === undefined) return
    observer.disconnect()
    requestAnimationFrame(() => { window.__gtBothFrameAt = performance.now() })
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
})()`

interface Height {
  person: PersonName
  page: 'My team' | 'The plan'
  size: SizeName
  px: number
  screens: number
  /** Where the first project link starts, in screens from the top (My team only; null if it has none). */
  firstProjectScreens: number | null
}

interface Render {
  h1Ms: number
  projectMs: number
  /** The next frame once both are laid out. */
  bothFrameMs: number
  /** The HTML and the module scripts it loads have run. */
  domContentLoadedMs: number
  controlledBySw: boolean
}

/** The build served: GT_DIST_DIR if given, else this run's build, made here if the bundle benchmark did not. */
function appToServe(appDir: string, appBuilt: boolean): string {
  const dir = process.env.GT_DIST_DIR ? distDir : appDir
  if (process.env.GT_DIST_DIR || appBuilt) {
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`No built app in ${dir}`)
    return dir
  }
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], { stdio: 'inherit' })
  return dir
}

/** Waits until the page stops growing (the live queries have settled), then reads its height. */
async function settledHeight(page: Page): Promise<number> {
  await page.evaluate('document.fonts.ready.then(() => undefined)')
  let last = -1
  let same = 0
  for (let tries = 0; tries < 60 && same < 3; tries++) {
    await page.waitForTimeout(200)
    const now = (await page.evaluate('document.documentElement.scrollHeight')) as number
    same = now === last ? same + 1 : 0
    last = now
  }
  return last
}

async function measure(page: Page, person: PersonName, which: Height['page'], size: SizeName): Promise<Height> {
  const px = await settledHeight(page)
  const viewport = sizes[size].height
  const firstProjectTop = await page.evaluate((selector) => {
    const link = document.querySelector(selector)
    return link ? link.getBoundingClientRect().top + window.scrollY : null
  }, projectLink)
  return {
    person,
    page: which,
    size,
    px,
    screens: px / viewport,
    firstProjectScreens: which === 'My team' && firstProjectTop !== null ? firstProjectTop / viewport : null,
  }
}

/** Signs `person` in on a fresh device, waits for the first sync, then reads both pages at every size. */
async function heightsFor(origin: string, person: PersonName, afterwards?: (page: Page) => Promise<void>) {
  const device = await openDeviceProfile(origin)
  try {
    await device.context.addInitScript(watchFirstRender)
    const page = await device.context.newPage()
    const shell = new AppShell(page)
    const signIn = new SignInPage(page)
    await signIn.open()
    // It chooses the device PIN, which comes once the first sync has brought the plan down.
    await signIn.submitAs(people[person])
    await shell.main.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 })
    await shell.goTo('The plan')
    await shell.heading(planTitle).waitFor({ timeout: 20_000 })
    const planPath = new URL(page.url()).pathname

    const heights: Height[] = []
    for (const size of Object.keys(sizes) as SizeName[]) {
      await page.setViewportSize(sizes[size])
      await page.goto('/my-team')
      await shell.main.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
      heights.push(await measure(page, person, 'My team', size))
      await page.goto(planPath)
      await shell.heading(planTitle).waitFor({ timeout: 20_000 })
      heights.push(await measure(page, person, 'The plan', size))
    }
    if (afterwards) await afterwards(page)
    return { heights, planPath }
  } finally {
    await device.close()
  }
}

/** Reloads /my-team with the CPU slowed and reads when its heading and first project were first drawn. */
async function firstRenders(page: Page): Promise<Render[]> {
  await page.setViewportSize(sizes[goalSize])
  await page.goto('/my-team')
  await page.locator(projectLink).first().waitFor({ timeout: 20_000 })
  await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
  const results: Render[] = []
  try {
    // One run first that is not counted: it pays for compiling code the later runs find cached.
    for (let i = 0; i <= runs; i++) {
      await page.reload({ waitUntil: 'commit' })
      // A function, not a string: the app's CSP forbids eval, which a string predicate would need.
      await page.waitForFunction(
        () => (window as { __gtBothFrameAt?: number }).__gtBothFrameAt !== undefined,
        undefined,
        { timeout: 30_000 },
      )
      const run = (await page.evaluate(`({
        h1Ms: window.__gtH1At,
        projectMs: window.__gtProjectAt,
        bothFrameMs: window.__gtBothFrameAt,
        domContentLoadedMs: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        controlledBySw: navigator.serviceWorker.controller !== null,
      })`)) as Render
      if (i > 0) results.push(run)
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await cdp.detach()
  }
  return results
}

function heightFigure(bench: string, h: Height): Figure {
  const goal = h.page === 'My team' && h.size === goalSize ? { goalAtMost: myTeamGoalScreens } : {}
  const first =
    h.firstProjectScreens === null ? '' : `; first project starts ${round(h.firstProjectScreens, 2)} screens down`
  return {
    bench,
    name: `${h.page}, ${h.person}, ${h.size}`,
    value: h.screens,
    unit: '×',
    ...goal,
    note: `${h.px.toLocaleString('en-GB')} px high = ${round(h.screens, 2)} screens of ${sizes[h.size].height} px${first}`,
  }
}

/**
 * The full height of My team and The plan (the AfC 2020/24 plan) for the AfC practitioner
 * and manager, in screens of each size, and the time My team takes to show its heading
 * and first project after a reload with the CPU slowed four times, in real Chromium.
 */
export async function benchPageHeights(
  appDir: string,
  appBuilt: boolean,
): Promise<{ figures: Figure[]; details: unknown }> {
  const app = await startApp({ staticDir: appToServe(appDir, appBuilt) })
  try {
    let renders: Render[] = []
    const practitionerHeights = await heightsFor(app.origin, 'practitioner', async (page) => {
      renders = await firstRenders(page)
    })
    const managerHeights = await heightsFor(app.origin, 'manager')
    const heights = [...practitionerHeights.heights, ...managerHeights.heights]
    if (renders.some((r) => !r.controlledBySw)) throw new Error('A reload was not served by the service worker')

    const bench = 'Page heights, AfC (screens = height ÷ viewport height)'
    const renderBench = `My team first render (${cpuSlowdown}x CPU slowdown, tablet portrait)`
    const both = renders.map((r) => r.bothFrameMs)
    return {
      figures: [
        ...heights.filter((h) => h.page === 'My team').map((h) => heightFigure(bench, h)),
        ...heights.filter((h) => h.page === 'The plan').map((h) => heightFigure(bench, h)),
        {
          bench: renderBench,
          name: `Reload → main h1 and first project link on screen, median of ${runs}`,
          value: median(both),
          unit: 'ms',
          note: `navigation start → the frame after both are laid out; practitioner, data on the device, server up, service worker; runs ${both.map(Math.round).join(', ')}; fastest ${Math.round(Math.min(...both))}`,
        },
        {
          bench: renderBench,
          name: 'of which: HTML and scripts run (DOMContentLoaded)',
          value: median(renders.map((r) => r.domContentLoadedMs)),
          unit: 'ms',
        },
        {
          bench: renderBench,
          name: 'of which: main h1 laid out',
          value: median(renders.map((r) => r.h1Ms)),
          unit: 'ms',
          note: `first project link laid out at ${Math.round(median(renders.map((r) => r.projectMs)))} ms (median)`,
        },
      ],
      details: { heights, renders, planPath: practitionerHeights.planPath },
    }
  } finally {
    await app.stop()
  }
}
