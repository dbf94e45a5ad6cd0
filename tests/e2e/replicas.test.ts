import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { distDir } from '../support/app-server'
import { devices, launchChromium } from '../support/chromium'
import { startNginx, type LoadBalancer } from '../support/nginx'
import { startPostgres, type ThrowawayPostgres } from '../support/postgres'
import { startReplica, type Replica } from '../support/replica'
import { ProjectPage, waitingBadge } from './page-models/project-page'
import { manager, practitioner, signIn } from './page-models/sign-in-page'
import { hides, shows } from './page-models/waits'

const milestone = 'A revised transitions protocol has been agreed'
const practitionerNote = 'Visit notes: both families agreed the transition plan.'
const managerNote = 'Signed transitions protocol from the partnership board.'
const photoName = 'signed-protocol.jpg'

/** Each device says who it is in its user agent; the load balancer keeps it on its replica while that one is up. */
const tag = { a: 'gt-device-a', b: 'gt-device-b' } as const

let postgres: ThrowawayPostgres
let database: pg.Client
let replicaA: Replica
let replicaB: Replica
let balancer: LoadBalancer
let browser: Browser
let dataDir: string
const opened: BrowserContext[] = []

/** A 1600×1200 JPEG drawn in Chromium: a photo as a tablet's camera would hand it over. */
async function cameraPhoto(): Promise<Buffer> {
  const page = await browser.newPage()
  try {
    const base64 = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(1600, 1200)
      const context = canvas.getContext('2d')!
      const paper = context.createLinearGradient(0, 0, 1600, 1200)
      paper.addColorStop(0, '#f4efe2')
      paper.addColorStop(1, '#c8bfad')
      context.fillStyle = paper
      context.fillRect(0, 0, 1600, 1200)
      context.fillStyle = '#222222'
      context.font = '64px serif'
      for (let y = 150; y < 1100; y += 90) context.fillText('Transitions protocol, signed and agreed', 100, y)
      const bytes = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 })).arrayBuffer(),
      )
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(binary)
    })
    return Buffer.from(base64, 'base64')
  } finally {
    await page.close()
  }
}

/** A device: its own browser context, on the load balancer's address, naming itself in its user agent. */
async function openDevice(name: keyof typeof tag, device: keyof typeof devices): Promise<Page> {
  const probe = await browser.newPage()
  const userAgent = `${await probe.evaluate(() => navigator.userAgent)} ${tag[name]}`
  await probe.close()
  const context = await browser.newContext({
    ...devices[device],
    baseURL: balancer.origin,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    userAgent,
  })
  opened.push(context)
  return context.newPage()
}

/** The replica addresses nginx sent a device's API requests to, as its access log says. */
const apiRequestsOf = (name: keyof typeof tag) =>
  balancer.requests().filter((r) => r.agent.endsWith(tag[name]) && r.path.startsWith('/api/'))

/** What a person sees of a project's evidence and milestones: the same on both devices when they agree. */
async function visibleWork(project: ProjectPage) {
  await shows(project.heading('K9'))
  const notes = await project.evidence.getByRole('listitem').allInnerTexts()
  const statuses = await project.milestones
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map(
        (item) => `${item.querySelector('h3')?.textContent ?? ''}: ${item.querySelector('p')?.textContent ?? ''}`,
      ),
    )
  return {
    notes: notes.map((n) => n.replace(/\s+/g, ' ').trim()).sort(),
    statuses: statuses.map((s) => s.replace(/\s+/g, ' ').trim()).sort(),
  }
}

beforeAll(async () => {
  postgres = await startPostgres()
  const url = await postgres.createDatabase('replicas')
  database = new pg.Client({ connectionString: url })
  await database.connect()
  // Nothing shared but PostgreSQL: no attachment folder, no data folder in common.
  dataDir = mkdtempSync(join(tmpdir(), 'gt-replicas-'))
  const env = (name: string) => ({
    DATABASE_URL: url,
    STATIC_DIR: distDir,
    TRUST_PROXY: 'true',
    DATA_DIR: join(dataDir, name),
    LOG_LEVEL: 'warn',
  })
  // The first replica migrates and loads the demo; the second starts on the database as it finds it.
  replicaA = await startReplica('A', env('a'), ['--demo'])
  replicaB = await startReplica('B', env('b'))
  balancer = await startNginx(
    `map $http_user_agent $replicas { ~${tag.b}$ prefer_b; default prefer_a; }
     upstream prefer_a { server ${replicaA.address} max_fails=1 fail_timeout=5m; server ${replicaB.address} backup; }
     upstream prefer_b { server ${replicaB.address} max_fails=1 fail_timeout=5m; server ${replicaA.address} backup; }`,
    'http://$replicas',
  )
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  for (const context of opened) await context.close().catch(() => undefined)
  await browser?.close()
  await balancer?.stop()
  await replicaA?.stop()
  await replicaB?.stop()
  await database?.end()
  await postgres?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('two replicas behind nginx on one PostgreSQL', () => {
  let managerPage: Page
  let practitionerPage: Page
  let managerProject: ProjectPage
  let practitionerProject: ProjectPage

  it("two devices sync through different replicas and see each other's changes", async () => {
    managerPage = await openDevice('a', 'tablet landscape')
    practitionerPage = await openDevice('b', 'phone')
    managerProject = new ProjectPage(managerPage)
    practitionerProject = new ProjectPage(practitionerPage)
    await signIn(managerPage, manager)
    await signIn(practitionerPage, practitioner)

    await practitionerProject.openFromSearch('K9', 'transition')
    await practitionerProject.addEvidence({ note: practitionerNote })
    await hides(waitingBadge(practitionerPage))

    await managerProject.openFromSearch('K9', 'transition')
    await managerProject.shell.sync.syncNow()
    await shows(managerProject.evidenceItem(practitionerNote))

    expect(new Set(apiRequestsOf('a').map((r) => r.replica))).toEqual(new Set([replicaA.address]))
    expect(new Set(apiRequestsOf('b').map((r) => r.replica))).toEqual(new Set([replicaB.address]))
    expect(apiRequestsOf('b').some((r) => r.path === '/api/sync/push' && r.status === 200)).toBe(true)
  })

  it('a replica killed in the middle of a push loses nothing and doubles nothing: the device sends again through the other', async () => {
    const photo = await cameraPhoto()
    const [{ since }] = (await database.query<{ since: string }>('select now()::text as since')).rows as [
      { since: string },
    ]
    const [{ id: orgId }] = (
      await database.query<{ id: string }>('select org_id as id from actions where code = $1', ['K9'])
    ).rows as [{ id: string }]
    // Holding the organisation's change counter stops the push half way, inside its transaction, after it has claimed its ids.
    const holder = new pg.Client({ connectionString: postgres.url('replicas') })
    await holder.connect()
    try {
      await holder.query('begin')
      await holder.query('select 1 from organisations where id = $1 for no key update', [orgId])

      await managerProject.addEvidence({
        note: managerNote,
        milestone,
        photos: [{ name: photoName, mimeType: 'image/jpeg', buffer: photo }],
      })
      await expect
        .poll(
          async () =>
            (
              await database.query(
                `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like 'update organisations set change_seq%'`,
              )
            ).rowCount,
          { timeout: 30_000 },
        )
        .toBe(1)
      await replicaA.kill()
      // nginx answers the cut-off push itself: 502, and it does not send it on to the other replica.
      await expect
        .poll(
          () =>
            apiRequestsOf('a')
              .filter((r) => r.path === '/api/sync/push' && r.status === 502)
              .map((r) => r.replica),
          { timeout: 30_000 },
        )
        .toEqual([replicaA.address])
      await managerProject.setMilestoneStatus(milestone, 'Complete')
    } finally {
      await holder.query('rollback')
      await holder.end()
    }

    await managerProject.shell.sync.syncNow()
    await hides(waitingBadge(managerPage), 60_000)
    const pushesAfterKill = apiRequestsOf('a').filter((r) => r.path === '/api/sync/push' && r.status === 200)
    expect(pushesAfterKill.length).toBeGreaterThan(0)
    for (const push of pushesAfterKill) expect(push.replica.split(', ').at(-1)).toBe(replicaB.address)

    // In PostgreSQL: the evidence, its photo and the status once each, and one history entry for each change.
    const evidence = await database.query<{ id: string }>('select id from evidence where note = $1', [managerNote])
    expect(evidence.rows).toHaveLength(1)
    const evidenceId = evidence.rows[0]!.id
    const photos = await database.query<{ size: string; received_bytes: string }>(
      'select size, received_bytes from attachments where evidence_id = $1',
      [evidenceId],
    )
    expect(photos.rows).toHaveLength(1)
    expect(Number(photos.rows[0]!.received_bytes)).toBe(Number(photos.rows[0]!.size))
    const history = await database.query<{ change: string; n: number }>(
      `select change, count(*)::int as n from history h join people p on p.id = h.person_id join accounts a on a.person_id = p.id
        where a.email = $1 and h.received_at >= $2 group by change order by change`,
      [manager, since],
    )
    expect(history.rows).toEqual([
      { change: 'evidence.add', n: 1 },
      { change: 'status.set', n: 1 },
    ])
    const claimed = await database.query<{ n: number }>(
      `select count(*)::int as n from applied_mutations m join accounts a on a.person_id = m.person_id where a.email = $1 and m.received_at >= $2`,
      [manager, since],
    )
    expect(claimed.rows[0]!.n).toBe(2)
    const [status] = (
      await database.query<{ status: string }>('select status from milestones where title = $1', [milestone])
    ).rows
    expect(status!.status).toBe('complete')

    // The other device, still on its own replica, gets all of it, photo included, and both show the same.
    await practitionerProject.shell.sync.syncNow()
    await shows(practitionerProject.evidenceItem(managerNote))
    const image = practitionerProject.photosOf(managerNote)
    await image.scrollIntoViewIfNeeded()
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : 0)))
      .toBeGreaterThan(0)
    await practitionerProject.showsMilestoneStatus(milestone, 'Complete', false)
    await managerProject.showsMilestoneStatus(milestone, 'Complete', false)
    expect(await visibleWork(practitionerProject)).toEqual(await visibleWork(managerProject))
    expect(new Set(apiRequestsOf('b').map((r) => r.replica))).toEqual(new Set([replicaB.address]))
  })
})
