import { readFile } from 'node:fs/promises'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPassword } from '../../src/server/demo/people'
import { quarterOf } from '../../src/shared/sync/quarter'
import { expectNoViolations } from './page-models/axe'
import { planTitle } from './page-models/app-shell'
import { admin, signInAs } from './page-models/project-page'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { shows } from './page-models/waits'

// A plan admin locks this quarter before the board meets, saves the report as CSV and Word,
// and a late update afterwards shows as a notice, not as a changed report.
let device: TestDevice
const quarter = quarterOf(new Date())
const lateCommentary = 'Recruitment stalled after the report was issued.'

beforeAll(async () => {
  device = await openTestDevice('tablet landscape')
})
afterAll(() => device?.close())

/** Another of the admin's devices posting an update, through the API as any device does. */
async function postLateUpdate(actionId: string) {
  const { origin } = device.app
  const signIn = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin, password: demoPassword }),
  })
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!
  const push = await fetch(`${origin}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      mutations: [
        {
          id: crypto.randomUUID(),
          deviceId: 'another-device',
          madeAt: new Date().toISOString(),
          kind: 'progress.post',
          data: { id: crypto.randomUUID(), actionId, rag: 'red', commentary: lateCommentary },
        },
      ],
    }),
  })
  const { results } = (await push.json()) as { results: { outcome: string }[] }
  expect(results[0]!.outcome).toBe('applied')
}

describe('locking a quarter and exporting its report', () => {
  it('needs a connection, locks once confirmed, exports the locked report, and tells of later changes', async () => {
    const { page, app, shell } = device
    const [person] = await app.db.query<{ name: string }>(
      'select p.name from people p join accounts a on a.person_id = p.id where a.email = $1',
      [admin],
    )
    const adminName = person!.name
    await signInAs(page, admin)
    await shell.goTo('The plan')
    await shows(shell.heading(planTitle))
    await shell.main.getByRole('link', { name: 'Quarterly report' }).click()
    await shows(shell.heading(`${planTitle}: quarterly report`))

    // Offline, the lock is refused on the device with the reason.
    await app.goOffline()
    await shell.main.getByRole('button', { name: 'Lock this quarter' }).click()
    await shell.main.getByRole('button', { name: `Yes, lock ${quarter}` }).click()
    await shows(shell.main.getByRole('alert').filter({ hasText: 'You need a connection to lock a quarter' }))
    await app.goOnline()

    await shell.main.getByRole('button', { name: 'Lock this quarter' }).click()
    await shows(shell.main.getByText(`Lock ${quarter}? The server keeps the report`))
    await shell.main.getByRole('button', { name: `Yes, lock ${quarter}` }).click()
    const lockedOn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date())
    await shows(shell.main.getByText(`Locked by ${adminName} on ${lockedOn}.`))
    await expect.poll(() => shell.main.getByRole('button', { name: 'Lock this quarter' }).count()).toBe(0)
    const [stored] = await app.db.query<{ n: number }>('select count(*)::int as n from report_locks')
    expect(stored!.n).toBe(1)

    const csvDownload = page.waitForEvent('download')
    await shell.main.getByRole('button', { name: 'Download as CSV' }).click()
    const csv = await readFile((await (await csvDownload).path())!, 'utf8')
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFSection,Table,/)
    expect(csv).toContain('Summary,Projects by their latest RAG rating,Whole plan,')

    const wordDownload = page.waitForEvent('download')
    await shell.main.getByRole('button', { name: 'Download as Word (.docx)' }).click()
    const word = await wordDownload
    expect(word.suggestedFilename()).toMatch(/\.docx$/)
    const files = unzipSync(new Uint8Array(await readFile((await word.path())!)))
    const documentText = strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, ' ')
    for (const heading of ['Summary', 'Progress by theme', 'Exceptions', 'Measures scorecard', 'Risk register'])
      expect(documentText).toContain(heading)
    expect(documentText).toContain(`Locked by ${adminName} on ${lockedOn}.`)

    // A late update reaches this device: the report stays as locked, and says the figures moved.
    const [action] = await app.db.query<{ id: string }>(
      "select a.id from actions a join plans p on p.id = a.plan_id where p.title = $1 and p.status = 'approved' and a.archived_at is null order by a.position limit 1",
      [planTitle],
    )
    await postLateUpdate(action!.id)
    await shell.sync.syncNow()
    await shows(shell.main.getByText('Figures have changed since this quarter was locked.'))
    expect(await shell.main.getByText(lateCommentary).count()).toBe(0)
    await expectNoViolations(page, 'the locked report')
  })
})
