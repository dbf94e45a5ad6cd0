import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quarterOf } from '../../src/shared/sync/quarter'
import { expectNoViolations } from './page-models/axe'
import { ErrorSummary } from './page-models/error-summary'
import { admin, signInAs, waitingBadge } from './page-models/project-page'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { hides, reachesPath, shows } from './page-models/waits'

// A plan admin at the quarterly review with no signal: this quarter's turnover figure goes in on the tablet.
let device: TestDevice

beforeAll(async () => {
  device = await openTestDevice('tablet landscape')
})
afterAll(() => device?.close())

describe('a measure’s figures', () => {
  it('an admin records a figure offline; it shows at once with its chart, passes axe, and reaches the server', async () => {
    const { page, app, shell } = device
    await signInAs(page, admin)
    await shell.goTo('The plan')
    const measures = shell.main.getByRole('region', { name: 'Measures', exact: true })
    await measures.getByRole('link', { name: 'Voluntary turnover rate', exact: true }).click()
    await shows(shell.heading('Voluntary turnover rate'))
    await reachesPath(page, /^\/measures\//)
    const measureId = new URL(page.url()).pathname.split('/').at(-1)
    await shell.waitForServiceWorkerControl()
    await app.goOffline()

    const form = shell.main.getByRole('region', { name: 'Record a figure' })
    const quarter = quarterOf(new Date())
    expect(await form.getByLabel('Period', { exact: true }).inputValue()).toBe(quarter)
    await form.getByLabel('Figure', { exact: true }).fill('20')
    await form.getByRole('button', { name: 'Record the figure' }).click()
    const summary = new ErrorSummary(page)
    await shows(summary.box)
    expect(await summary.problems()).toEqual([
      'This figure is red against its target of 15: add a note saying what is being done about it.',
    ])
    expect(await waitingBadge(page).count()).toBe(0)

    await form
      .getByLabel('Note (needed if the figure is red)')
      .fill('Exit interviews under way; retention plan at the board.')
    await form.getByLabel('Source (optional)').fill('HR system, December')
    await form.getByRole('button', { name: 'Record the figure' }).click()
    await shows(form.getByRole('status').filter({ hasText: `Figure for ${quarter} saved on this device` }))
    await shows(waitingBadge(page, 1))

    const table = shell.main.getByRole('table', { name: 'Figures and targets, oldest first' })
    const row = table.getByRole('row').filter({ hasText: quarter })
    await shows(row)
    expect((await row.getByRole('cell').allTextContents()).map((text) => text.trim())).toEqual([
      '20%',
      '15%',
      'Off track (red)',
      'Exit interviews under way; retention plan at the board.',
      'HR system, December',
      expect.stringMatching(/^Sam Okafor \(demo\), today at \d\d:\d\d$/),
    ])
    await shows(row.getByText('Waiting to send'))
    await shows(shell.main.getByRole('region', { name: 'How it stands' }).getByText('Off track (red)'))

    // The chart is drawn (uPlot's code came from the service worker's cache) and named for a screen reader.
    const chart = shell.main.getByRole('img', { name: /^Line chart of .*20% for / })
    await shows(chart)
    await shows(chart.locator('canvas'))
    await expectNoViolations(page, 'the measure page with its chart')

    // On paper the chart is still drawn, and fits the page.
    await page.emulateMedia({ media: 'print' })
    await shows(chart.locator('canvas'))
    const [canvasWidth, mainWidth] = await Promise.all([
      chart.locator('canvas').evaluate((canvas) => canvas.getBoundingClientRect().width),
      shell.main.evaluate((main) => main.getBoundingClientRect().width),
    ])
    expect(canvasWidth).toBeGreaterThan(0)
    expect(canvasWidth).toBeLessThanOrEqual(mainWidth)
    await page.emulateMedia({ media: 'screen' })

    await app.goOnline()
    await shell.sync.syncNow()
    await hides(waitingBadge(page))
    await hides(row.getByText('Waiting to send'))
    const [stored] = await app.db.query<{
      actuals: { period: string; value: number; note?: string; source?: string }[]
    }>('select actuals from measures where id = $1', [measureId])
    expect(stored!.actuals.filter((actual) => actual.period === quarter)).toEqual([
      expect.objectContaining({
        value: 20,
        note: 'Exit interviews under way; retention plan at the board.',
        source: 'HR system, December',
      }),
    ])
  })
})
