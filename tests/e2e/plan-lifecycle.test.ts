import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoViolations } from './page-models/axe'
import { ErrorSummary } from './page-models/error-summary'
import { PlanLifecyclePage, VersionDiffPage } from './page-models/plan-lifecycle-pages'
import { admin, signInAs } from './page-models/project-page'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { reachesPath, shows } from './page-models/waits'

// A plan admin rolls the demo plan into next year, reads what changed, and has the board's approval recorded.
let device: TestDevice

beforeAll(async () => {
  device = await openTestDevice('tablet landscape')
})
afterAll(() => device?.close())

const current = 'Achieving more for Children'
const milestone = 'A revised transitions protocol has been agreed'

describe('the annual refresh and approval, on the plan’s page', () => {
  it('starts next year’s version, shows what changed by the form’s labels, and approves it with its board and date', async () => {
    const { page, app } = device
    const plan = new PlanLifecyclePage(page)
    await signInAs(page, admin)
    await plan.open(current)
    await shows(plan.button('Start next year’s version'))
    await expectNoViolations(page, 'the lifecycle panel')

    await plan.startNextVersion()
    await shows(plan.shell.heading('Achieving more for Children (next version)'))
    const [draft] = await app.db.query<{ id: string; status: string }>(
      'select id, status from plans where carried_from_id = (select id from plans where title = $1)',
      [current],
    )
    expect(draft!.status).toBe('draft')
    await reachesPath(page, `/plans/${draft!.id}`)

    await plan.panel.getByRole('link', { name: `What changed since ${current}` }).click()
    await shows(plan.shell.heading(`What changed since ${current}`))
    const diff = new VersionDiffPage(page)
    await shows(diff.changed)
    const labels = await diff.fieldLabels()
    expect(labels).toEqual(expect.arrayContaining(['Due date', 'Deadline, as the plan writes it']))
    // No field is shown by the name it is stored under.
    expect(labels.filter((label) => /[a-z][A-Z]|Id$/.test(label))).toEqual([])
    expect(await diff.said(milestone, 'Due date')).toMatch(/^was \d{1,2} [A-Z][a-z]+ \d{4}, now \(none\)$/)
    expect(await diff.said(milestone, 'Deadline, as the plan writes it')).toMatch(/, now New date to set$/)
    await expectNoViolations(page, 'What changed')

    await page.goBack()
    await shows(plan.button('Approve this plan'))
    await plan.approve('', '2026-11-30')
    const summary = new ErrorSummary(page)
    await shows(summary.box)
    expect(await summary.problems()).toEqual(['Enter the board or meeting that approved the plan.'])
    expect(await plan.board.getAttribute('aria-invalid')).toBe('true')

    await plan.approve('Achieving for Children Joint Committee', '2026-11-30')
    await shows(plan.panel.getByRole('status').filter({ hasText: 'The approval is saved on this device' }))
    await plan.shell.sync.syncNow()
    await expect
      .poll(
        async () =>
          app.db.query<{ title: string; status: string }>(
            'select title, status from plans where id in ($1, (select carried_from_id from plans where id = $1)) order by title',
            [draft!.id],
          ),
        { timeout: 15_000 },
      )
      .toEqual([
        { title: current, status: 'superseded' },
        { title: 'Achieving more for Children (next version)', status: 'approved' },
      ])
    const [control] = await app.db.query<{ versions: { approvedBy: string; date: string }[] }>(
      `select document_control->'versions' as versions from plans where id = $1`,
      [draft!.id],
    )
    expect(control!.versions.at(-1)).toMatchObject({
      approvedBy: 'Achieving for Children Joint Committee',
      date: '2026-11-30',
    })

    // The old version now reads as kept, not to be changed.
    await plan.open(current)
    await shows(plan.panel.getByText('This plan is superseded, so it is kept read-only, as it was.'))
  })
})
