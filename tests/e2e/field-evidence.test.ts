import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext, type DeviceName } from '../support/chromium'
import { ChangesPage, ProjectPage, waitingBadge } from './page-models/project-page'
import { manager, practitioner, signIn } from './page-models/sign-in-page'
import { hides, shows } from './page-models/waits'

const note = 'Protocol signed at the multi-agency meeting.'
const milestone = 'A revised transitions protocol has been agreed'
const photoName = 'signed-protocol.jpg'
const jpegMagic = [0xff, 0xd8, 0xff]

let browser: Browser
/** A 3000×4000 JPEG of about 2 MB: what a phone camera hands the app. */
let photo: Buffer

/**
 * Draws a photographed page of print, with sensor-like noise, on a 3000×4000 canvas in
 * Chromium and encodes it as JPEG. The noise is seeded, so the photo is the same every run.
 */
async function makeCameraPhoto(): Promise<Buffer> {
  const page = await browser.newPage()
  try {
    const base64 = await page.evaluate(async () => {
      const width = 3000
      const height = 4000
      const canvas = new OffscreenCanvas(width, height)
      const context = canvas.getContext('2d')!
      const paper = context.createLinearGradient(0, 0, width, height)
      paper.addColorStop(0, '#f4efe2')
      paper.addColorStop(1, '#d8cfbd')
      context.fillStyle = paper
      context.fillRect(0, 0, width, height)
      let seed = 1
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
      context.fillStyle = '#222222'
      context.font = '48px serif'
      for (let y = 200; y < height - 200; y += 70) {
        let line = ''
        for (let i = 0; i < 60; i++)
          line += String.fromCharCode(97 + Math.floor(random() * 26)) + (random() < 0.2 ? ' ' : '')
        context.fillText(line, 150, y)
      }
      const image = context.getImageData(0, 0, width, height)
      for (let i = 0; i < image.data.length; i += 4) {
        const noise = (random() - 0.5) * 12
        for (let channel = i; channel < i + 3; channel++) image.data[channel] = image.data[channel]! + noise
      }
      context.putImageData(image, 0, 0)
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 })
      const bytes = new Uint8Array(await blob.arrayBuffer())
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(binary)
    })
    return Buffer.from(base64, 'base64')
  } finally {
    await page.close()
  }
}

/** Whether an image has been decoded and drawn (naturalWidth > 0); scrolls it into view first, as it loads lazily. */
async function imageWidth(image: ReturnType<ProjectPage['photosOf']>): Promise<number> {
  await image.scrollIntoViewIfNeeded()
  return image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : 0))
}

beforeAll(async () => {
  browser = await launchChromium()
  photo = await makeCameraPhoto()
})
afterAll(async () => {
  await browser?.close()
})

describe.each(['tablet portrait', 'phone'] satisfies DeviceName[])('evidence from the field on a %s', (device) => {
  let app: RunningApp
  let context: BrowserContext
  let page: Page
  let project: ProjectPage

  beforeAll(async () => {
    app = await startApp()
    context = await newDeviceContext(browser, device, app.origin)
    page = await context.newPage()
    project = new ProjectPage(page)
  })
  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('the manager records a note, a photo and a status offline, and they survive a reload', async () => {
    expect(photo.length, 'the test photo is about 2 MB').toBeGreaterThan(1.5 * 1024 * 1024)
    expect(photo.length).toBeLessThan(3 * 1024 * 1024)
    expect([...photo.subarray(0, 3)]).toEqual(jpegMagic)

    await signIn(page, manager)
    await project.openFromSearch('K9', 'transition')
    await project.shell.waitForServiceWorkerControl()
    await shows(project.heading('K9'))

    // Offline for real: the server stops answering and the browser has no network.
    await app.goOffline()
    await context.setOffline(true)

    await project.addEvidence({ note, milestone, photos: [{ name: photoName, mimeType: 'image/jpeg', buffer: photo }] })
    const item = project.evidenceItem(note)
    await shows(item.getByText('Waiting to send'))
    await shows(item.getByText(`Milestone: ${milestone}`))
    await shows(project.photosOf(note))
    await expect.poll(() => imageWidth(project.photosOf(note))).toBeGreaterThan(0)
    await shows(waitingBadge(page, 1))

    await project.setMilestoneStatus(milestone, 'Complete')
    await shows(waitingBadge(page, 2))

    // Still offline, the app reloads from the service worker with everything kept.
    await page.reload()
    await shows(project.heading('K9'))
    await shows(project.evidenceItem(note).getByText('Waiting to send'))
    await expect.poll(() => imageWidth(project.photosOf(note))).toBeGreaterThan(0)
    await project.showsMilestoneStatus(milestone, 'Complete', true)
    await shows(waitingBadge(page, 2))
    await shows(project.shell.sync.connection('Offline'))

    const changes = new ChangesPage(page)
    await changes.open()
    await shows(changes.waitingHeading(2))
    await shows(changes.waiting.filter({ hasText: `Evidence on ${milestone} with 1 file` }))
    await shows(changes.waiting.filter({ hasText: `Milestone “${milestone}” set to Complete` }))
  })

  it('once online, "Sync now" sends both, and the server keeps one copy of each with the resized photo', async () => {
    const changes = new ChangesPage(page)
    await app.goOnline()
    await context.setOffline(false)
    await project.shell.sync.syncNow()
    await shows(changes.waitingHeading(0))
    await hides(waitingBadge(page))

    const evidence = await app.db.query<{ id: string; milestone_title: string | null }>(
      'select e.id, m.title as milestone_title from evidence e left join milestones m on m.id = e.milestone_id where e.note = $1',
      [note],
    )
    expect(evidence).toHaveLength(1)
    expect(evidence[0]!.milestone_title).toBe(milestone)
    const evidenceId = evidence[0]!.id

    const attachments = await app.db.query<{
      id: string
      evidence_id: string | null
      name: string
      media_type: string
      size: unknown
      received_bytes: unknown
    }>('select id, evidence_id, name, media_type, size, received_bytes from attachments')
    expect(attachments, 'one attachment, used by the evidence').toHaveLength(1)
    const attachment = attachments[0]!
    expect(attachment.evidence_id).toBe(evidenceId)
    expect(attachment.name).toBe(photoName)
    expect(attachment.media_type).toBe('image/jpeg')
    const size = Number(attachment.size)
    expect(Number(attachment.received_bytes)).toBe(size)
    expect(size, 'resized on the device').toBeLessThan(300 * 1024)
    expect(size).toBeGreaterThan(10 * 1024)

    const stored = await app.storedAttachment(attachment.id)
    expect(stored.length).toBe(size)
    expect([...stored.subarray(0, 3)]).toEqual(jpegMagic)

    const history = await app.db.query<{ change: string }>('select change from history where entity_id = $1', [
      evidenceId,
    ])
    expect(history).toEqual([{ change: 'evidence.add' }])
    const milestones = await app.db.query<{ status: string }>('select status from milestones where title = $1', [
      milestone,
    ])
    expect(milestones).toEqual([{ status: 'complete' }])

    // Back on the project, nothing is waiting any more.
    await page.goBack()
    await shows(project.heading('K9'))
    await project.showsMilestoneStatus(milestone, 'Complete', false)
    await shows(project.evidenceItem(note))
    await hides(project.evidenceItem(note).getByText('Waiting to send'))
  })

  it('the practitioner, on another device, sees the note, the photo from the server and the milestone complete', async () => {
    const [attachment] = await app.db.query<{ id: string }>('select id from attachments')
    const attachmentId = attachment!.id
    const other = await newDeviceContext(browser, device, app.origin)
    try {
      const practitionerPage = await other.newPage()
      const theirs = new ProjectPage(practitionerPage)
      await signIn(practitionerPage, practitioner)
      await theirs.openFromSearch('K9', 'transition')
      await shows(theirs.evidenceItem(note))
      await shows(theirs.evidenceItem(note).getByText(`Milestone: ${milestone}`))
      const image = theirs.photosOf(note)
      await shows(image)
      expect(await image.getAttribute('alt')).toBe(`Photo: ${photoName}`)
      expect(await image.getAttribute('src')).toBe(`/api/attachments/${attachmentId}`)
      await expect.poll(() => imageWidth(image)).toBeGreaterThan(0)
      await theirs.showsMilestoneStatus(milestone, 'Complete', false)
    } finally {
      await other.close()
    }
  })
})
