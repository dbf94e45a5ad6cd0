import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planTitle } from './page-models/app-shell'
import { expectNoViolations } from './page-models/axe'
import { admin, ProjectPage, signInAs, waitingBadge } from './page-models/project-page'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { hides, reachesPath, shows } from './page-models/waits'

// A plan admin keeping the plan in step with the organisation: what it serves, what it answers, what is no longer in it.
let device: TestDevice

beforeAll(async () => {
  device = await openTestDevice('tablet landscape')
})
afterAll(() => device?.close())

describe('a plan admin looks after the plan’s records', () => {
  it('adds an outcome and a recommendation from the plan page', async () => {
    const { page, app } = device
    const { shell } = new ProjectPage(page)
    await signInAs(page, admin)
    await shell.goTo('The plan')
    await shows(shell.heading(planTitle))

    await shell.main.getByRole('link', { name: 'Add an outcome' }).click()
    await shows(shell.heading('Add an outcome'))
    await shell.main.getByLabel('Title', { exact: true }).fill('Children are ready for school')
    await shell.main.getByRole('button', { name: 'Add the outcome' }).click()
    await reachesPath(page, /^\/outcomes\//)
    await shows(shell.heading('Children are ready for school'))
    await shows(shell.main.getByRole('link', { name: 'Edit this outcome' }))

    await shell.goTo('The plan')
    await shell.main.getByRole('link', { name: 'Add a recommendation' }).click()
    await shows(shell.heading('Add a recommendation'))
    await expectNoViolations(page, 'the new recommendation form')
    await shell.main.getByLabel('Made by').selectOption({ label: 'A peer review' })
    await shell.main.getByLabel('Report', { exact: true }).fill('Peer review of early help')
    await shell.main.getByLabel('Number in the report').fill('3')
    await shell.main.getByLabel('The recommendation', { exact: true }).fill('Join up the early help offer')
    await shell.main.getByRole('button', { name: 'Add the recommendation' }).click()
    await reachesPath(page, /^\/recommendations\//)
    await shows(shell.heading('Peer review recommendation 3'))

    await shell.sync.syncNow()
    await hides(waitingBadge(page))
    expect(await app.db.query(`select title from outcomes where title = 'Children are ready for school'`)).toHaveLength(
      1,
    )
    expect(
      await app.db.query(
        `select r.number from recommendations r join plans p on p.id = r.plan_id
          where r.source_title = 'Peer review of early help' and p.title = $1`,
        [planTitle],
      ),
    ).toEqual([{ number: '3' }])
  })

  it('archives a milestone, finds it in the archived list, and restores it', async () => {
    const { page, app } = device
    const project = new ProjectPage(page)
    const { shell } = project
    await project.openFromSearch('K9', 'transition')
    const milestoneLink = project.milestones.getByRole('heading', { level: 3 }).getByRole('link').first()
    const title = ((await milestoneLink.textContent()) ?? '').trim()
    await milestoneLink.click()
    await shows(shell.heading(title))

    await shell.main.getByRole('link', { name: 'Edit this milestone' }).click()
    await shows(shell.heading('Edit this milestone'))
    await shell.main.getByRole('button', { name: 'Archive this milestone' }).click()
    await shell.main.getByRole('button', { name: 'Yes, archive this milestone' }).click()
    await reachesPath(page, /^\/plan\/actions\//)
    await shows(project.heading('K9'))
    await hides(project.milestone(title))

    await shell.goTo('The plan')
    await shell.main.getByRole('link', { name: 'Archived records' }).click()
    await reachesPath(page, /^\/plans\/[\w-]+\/archived$/)
    await shows(shell.heading('Archived records'))
    const archived = shell.main.getByRole('region', { name: 'Milestones' }).getByRole('listitem').filter({
      hasText: title,
    })
    await shows(archived.getByText(/^Archived today at/))
    await expectNoViolations(page, 'the archived records')

    await archived.getByRole('button', { name: `Restore the milestone “${title}”` }).click()
    await shows(shell.main.getByRole('status').filter({ hasText: `Restored the milestone “${title}”` }))
    await hides(archived)
    await shell.sync.syncNow()
    await hides(waitingBadge(page))
    expect(await app.db.query('select archived_at from milestones where title = $1', [title])).toEqual([
      { archived_at: null },
    ])

    await project.openFromSearch('K9', 'transition')
    await shows(project.milestone(title))
  })
})
