import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractText } from 'unpdf'
import { planSchema } from '../../src/shared/entities'
import { quarterOf } from '../../src/shared/sync/quarter'
import type { QuarterlyReport } from '../../src/shared/monitoring/quarterly-report-schema'
import { rowToRecord } from '../../src/server/db/tables'
import { storedQuarterlyReport } from '../../src/server/monitoring/monitoring-records'
import { expectNoViolations } from './page-models/axe'
import { planTitle } from './page-models/app-shell'
import { admin, signInAs } from './page-models/project-page'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { shows } from './page-models/waits'

// A plan admin at the quarterly board with no signal: the report is built on the tablet, read and printed to PDF.
let device: TestDevice
let expected: QuarterlyReport
const sections = [
  'Summary',
  'Progress by theme',
  'Exceptions',
  'Milestones',
  'Measures scorecard',
  'Risk register',
  'Staff survey results',
  'Evidence gathered',
]
const redCommentary = 'Occupational therapy waits have risen to 26 weeks'

beforeAll(async () => {
  device = await openTestDevice('tablet landscape')
  // The server's own report of the demo plan this quarter: the device, offline, must build the same.
  const [row] = await device.app.db.query<{ data: Record<string, unknown>; org_id: string }>(
    "select to_jsonb(p) as data, p.org_id from plans p where title = $1 and status = 'approved'",
    [planTitle],
  )
  const plan = planSchema.parse(rowToRecord(row!.data))
  expected = await storedQuarterlyReport(
    device.app.db,
    row!.org_id,
    plan,
    quarterOf(new Date()),
    new Date().toISOString().slice(0, 10),
  )
})
afterAll(() => device?.close())

describe('the quarterly report, offline', () => {
  it('is built on the device with the server stopped, reads by section, passes axe and prints to a PDF', async () => {
    const { page, app, shell } = device
    await signInAs(page, admin)
    await shell.waitForServiceWorkerControl()
    await app.goOffline()

    await shell.goTo('The plan')
    await shows(shell.heading(planTitle))
    await shell.main.getByRole('link', { name: 'Quarterly report' }).click()
    await shows(shell.heading(`${planTitle}: quarterly report`))
    for (const name of sections) await shows(shell.main.getByRole('heading', { level: 2, name, exact: true }))
    expect(await shell.main.getByLabel('Quarter', { exact: true }).inputValue()).toBe(expected.quarter)

    // The summary's whole-plan row: projects by their latest RAG rating, as the server counts them.
    const summary = shell.main.getByRole('table', { name: 'Projects by their latest RAG rating, by theme' })
    const byRag = expected.summary.actionsByRag
    expect(
      await summary
        .getByRole('row', { name: /^Whole plan/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual([byRag.green, byRag.amber, byRag.red, byRag['no update'], expected.summary.actions].map(String))
    expect(byRag.red).toBeGreaterThan(0)

    // K8 was rated red with a remedial action: it is an exception.
    const exceptions = shell.main.getByRole('table', { name: /^Projects rated red or amber/ })
    const k8 = exceptions.getByRole('row', { name: /^K8 / })
    await shows(k8.getByRole('cell', { name: 'Red (off track)' }))
    await shows(k8.getByText(redCommentary))
    expect(await exceptions.getByRole('row').count()).toBe(expected.exceptions.actions.length + 1)

    // The staff survey that closed in the spring fed its measures' figures.
    const surveys = shell.main.getByRole('table', { name: 'Staff survey results against the plan’s targets' })
    const goodPlace = expected.surveys.find((result) => /good place to work/.test(result.title))!
    const surveyRow = surveys.getByRole('row', { name: new RegExp(`^${escape(goodPlace.title)}`) })
    await shows(surveyRow.getByRole('cell', { name: goodPlace.survey }))
    await shows(surveyRow.getByRole('cell', { name: `${goodPlace.actual}%`, exact: true }))

    await shows(
      shell.main.getByText(
        `${expected.evidence.count} ${expected.evidence.count === 1 ? 'piece' : 'pieces'} of evidence added in the quarter.`,
      ),
    )
    await expectNoViolations(page, 'the quarterly report')

    await page.emulateMedia({ media: 'print' })
    await expect.poll(() => shell.nav.isVisible()).toBe(false)
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'screen' })
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true })
    const words = text.replace(/\s+/g, ' ')
    expect(words).toContain(`${planTitle}: quarterly report`)
    for (const name of sections) expect(words).toContain(name)
    expect(words).toContain(redCommentary.replace(/\s+/g, ' '))
    expect(words).toContain(goodPlace.title)
    expect(words).toContain(`Page 1 of ${totalPages}`)
    // Only the report is printed: not the app's navigation or the screen's buttons.
    expect(words).not.toContain('Print or save as PDF')
    expect(words).not.toContain('Skip to main content')
  })
})

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
