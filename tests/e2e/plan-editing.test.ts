import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoViolations } from './page-models/axe'
import { ErrorSummary } from './page-models/error-summary'
import { admin, ProjectPage, signInAs, waitingBadge } from './page-models/project-page'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { hides, reachesPath, shows } from './page-models/waits'

// A plan admin in a board meeting with no signal: the plan is edited on the tablet, and reaches the server later.
let device: TestDevice

beforeAll(async () => {
  device = await openTestDevice('tablet landscape')
})
afterAll(() => device?.close())

describe('a plan admin edits the plan offline', () => {
  it('renames a project and adds a milestone with the server stopped; both reach it once back online', async () => {
    const { page, app } = device
    const project = new ProjectPage(page)
    await signInAs(page, admin)
    await project.openFromSearch('K9', 'transition')
    await project.shell.waitForServiceWorkerControl()
    const actionId = new URL(page.url()).pathname.split('/').at(-1)
    await app.goOffline()

    await project.main.getByRole('link', { name: 'Edit this project' }).click()
    await shows(project.shell.heading('Edit this project'))
    await expectNoViolations(page, 'the edit form')
    const description = project.main.getByLabel('What will be done', { exact: true })
    const written = await description.inputValue()
    await description.fill('')
    await project.main.getByRole('button', { name: 'Save changes' }).click()
    const summary = new ErrorSummary(page)
    await shows(summary.box)
    expect(await summary.problems()).toEqual(['Enter what will be done'])
    await description.fill(written)
    await project.main.getByLabel('Title', { exact: true }).fill('Transitions into adult life')
    await project.main.getByRole('button', { name: 'Save changes' }).click()
    await reachesPath(page, /^\/plan\/actions\//)
    await shows(project.main.getByRole('heading', { level: 1, name: /Transitions into adult life/ }))
    await shows(project.main.getByRole('status').filter({ hasText: 'Saved on this device' }))

    await project.main.getByRole('link', { name: 'Add a milestone' }).click()
    await shows(project.shell.heading('Add a milestone'))
    await project.main.getByLabel('Title', { exact: true }).fill('Transitions protocol audited')
    await project.main.getByLabel('Due date').fill('2027-03-31')
    await project.main.getByRole('button', { name: 'Add the milestone' }).click()
    await shows(project.shell.heading('Transitions protocol audited'))
    await shows(waitingBadge(page, 2))

    await app.goOnline()
    await project.shell.sync.syncNow()
    await hides(waitingBadge(page))
    expect(await app.db.query('select title from actions where id = $1', [actionId])).toEqual([
      { title: 'Transitions into adult life' },
    ])
    expect(
      await app.db.query(
        `select due_date::text as due, status from milestones where title = 'Transitions protocol audited' and action_id = $1`,
        [actionId],
      ),
    ).toEqual([{ due: '2027-03-31', status: 'not-started' }])
  })

  it('the admin’s Outstanding screen, listing who has no update this quarter, passes axe', async () => {
    const { page } = device
    const shell = new ProjectPage(page).shell
    await page.goto('/outstanding')
    await shows(shell.heading('Outstanding'))
    await shows(shell.main.getByRole('status').filter({ hasText: /outstanding\.$/ }))
    await expectNoViolations(page, 'Outstanding')
  })
})
