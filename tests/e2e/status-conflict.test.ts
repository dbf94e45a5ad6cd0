import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext } from '../support/chromium'
import { admin, ChangesPage, ProjectPage, signInAs, waitingBadge } from './page-models/project-page'
import { manager } from './page-models/sign-in-page'
import { hides, shows } from './page-models/waits'

const milestone = 'Every Year 10 young person with SEND has a transition plan'
const managerName = 'Jordan Blake (demo)'
const adminName = 'Sam Okafor (demo)'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

interface Device {
  context: BrowserContext
  page: Page
  project: ProjectPage
}

async function openDevice(app: RunningApp, device: 'tablet landscape' | 'phone', email: string): Promise<Device> {
  const context = await newDeviceContext(browser, device, app.origin)
  const page = await context.newPage()
  const project = new ProjectPage(page)
  await signInAs(page, email)
  await project.openFromSearch('K9', 'transition')
  await project.shell.waitForServiceWorkerControl()
  await shows(project.heading('K9'))
  return { context, page, project }
}

/** Brings one device back online and syncs it until nothing is waiting: its changes have reached the server. */
async function syncBack({ context, page, project }: Device): Promise<void> {
  await context.setOffline(false)
  await page.waitForFunction(() => navigator.onLine)
  await project.shell.sync.syncNow()
  await hides(waitingBadge(page))
  await shows(project.shell.sync.connection('Online'))
}

/** Every status change to the milestone since the demo data, oldest first by when it was made. */
function statusHistory(app: RunningApp) {
  return app.db.query<{ status: string; outcome: string; person: string }>(
    `select h.details->>'status' as status, h.outcome, p.name as person
       from history h join milestones m on m.id = h.entity_id join people p on p.id = h.person_id
      where m.title = $1 and h.change = 'status.set' and h.device_id <> 'demo-data'
      order by h.made_at`,
    [milestone],
  )
}

describe.each([
  { first: 'manager', order: 'the manager syncs first, so the older change arrives last' },
  { first: 'admin', order: 'the admin syncs first, so the newer change arrives last' },
] as const)('two people set one milestone offline; $order', ({ first }) => {
  let app: RunningApp
  let managerDevice: Device
  let adminDevice: Device

  beforeAll(async () => {
    app = await startApp()
    ;[managerDevice, adminDevice] = await Promise.all([
      openDevice(app, 'tablet landscape', manager),
      openDevice(app, 'phone', admin),
    ])
  })
  afterAll(async () => {
    await managerDevice?.context.close()
    await adminDevice?.context.close()
    await app?.stop()
  })

  it('the most recent change wins on the server and on both devices, and both stay in the history', async () => {
    await app.goOffline()
    await Promise.all([managerDevice.context.setOffline(true), adminDevice.context.setOffline(true)])

    // The admin sets it first…
    await adminDevice.project.setMilestoneStatus(milestone, 'Off track')
    const adminSetAt = await adminDevice.page.evaluate(() => Date.now())
    // …and the manager at least a second later by the clock.
    await managerDevice.page.waitForFunction((after) => Date.now() >= after + 1000, adminSetAt)
    await managerDevice.project.setMilestoneStatus(milestone, 'Complete')

    await app.goOnline()
    const [firstDevice, secondDevice] =
      first === 'manager' ? [managerDevice, adminDevice] : [adminDevice, managerDevice]
    await syncBack(firstDevice)
    expect(await statusHistory(app)).toHaveLength(1)
    await syncBack(secondDevice)

    // The rule: the change made most recently wins, whatever order they arrived in.
    expect(await app.db.query('select status from milestones where title = $1', [milestone])).toEqual([
      { status: 'complete' },
    ])
    expect(await statusHistory(app)).toEqual([
      // Arriving last it is superseded at once; arriving first it is applied, then marked superseded when overtaken.
      { status: 'off-track', outcome: 'superseded', person: adminName },
      { status: 'complete', outcome: 'applied', person: managerName },
    ])

    // The device that synced first hears of the other change at its next sync.
    await firstDevice.project.shell.sync.syncNow()
    for (const { project } of [managerDevice, adminDevice]) {
      await project.showsMilestoneStatus(milestone, 'Complete', false)
      await expect.poll(() => project.statusSelect(milestone).inputValue()).toBe('complete')
      const offTrack = project.historyEntry(`Set milestone “${milestone}” to Off track`)
      const complete = project.historyEntry(`Set milestone “${milestone}” to Complete`)
      await shows(offTrack.filter({ hasText: adminName }))
      await shows(complete.filter({ hasText: managerName }))
      await hides(complete.getByText('Not kept: a more recent change won'))
      await shows(offTrack.getByText('Not kept: a more recent change won'))
    }
    // Where each came from, in plain words: this device, or the person's first name and the kind of device.
    const cameFrom = ({ project }: Device, change: string, words: string) =>
      shows(project.historyEntry(`Set milestone “${milestone}” to ${change}`).filter({ hasText: words }))
    await cameFrom(managerDevice, 'Complete', 'from this device')
    await cameFrom(managerDevice, 'Off track', 'from Sam’s computer')
    await cameFrom(adminDevice, 'Off track', 'from this device')
    await cameFrom(adminDevice, 'Complete', 'from Jordan’s computer')
  })

  it('the admin’s “Changes on this device” says their change did not stand, and whose did', async () => {
    const changes = new ChangesPage(adminDevice.page)
    await changes.open()
    await shows(changes.waitingHeading(0))
    await shows(changes.notStood)
    await shows(
      changes.notStood
        .getByRole('listitem')
        .filter({ hasText: `You set “${milestone}” to Off track` })
        .filter({ hasText: `${managerName} set it to Complete` })
        .filter({ hasText: 'which is more recent, so theirs stands.' }),
    )

    // The manager's change stood: nothing to tell them.
    const managerChanges = new ChangesPage(managerDevice.page)
    await managerChanges.open()
    await shows(managerChanges.waitingHeading(0))
    await hides(managerChanges.notStood)
  })
})
