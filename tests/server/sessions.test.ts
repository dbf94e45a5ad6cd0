import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { backends, freshDatabase } from '../support/databases'
import { afcDemoCounts, demoServer, type ServerFixture } from '../support/server-fixture'
import { startApp, type RunningApp } from '../support/app-server'
import { deviceFetch } from '../support/device-fetch'
import { localDb } from '../../src/client/db/database'
import { clearLocalData } from '../../src/client/db/reset'
import { useSessionStore } from '../../src/client/features/session/store'
import { addEvidence } from '../../src/client/features/evidence/mutations'
import { useSyncStore } from '../../src/client/sync/store'
import { addOtherOrganisation, otherAccount } from '../support/other-organisation'
import { demoPassword } from '../../src/server/demo/people'
import { deviceLabel } from '../../src/server/auth/device-label'
import { idleDaysFrom, sessionIdleSeconds } from '../../src/server/auth/sessions'
import type { DeviceSessions, OrganisationPeople } from '../../src/shared/sessions'

const browsers = {
  androidTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  windowsEdge:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
}

describe('device labels', () => {
  it.each([
    [browsers.androidTablet, 'Chrome on Android'],
    [browsers.iPhone, 'Safari on iPhone'],
    [browsers.windowsEdge, 'Edge on Windows'],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
      'Chrome on iPad',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox on Mac'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari on Mac',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      'Samsung Internet on Android',
    ],
    [
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Chrome on ChromeOS',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
      'Chrome on Linux',
    ],
    ['curl/8.5.0', 'Unknown device'],
    [undefined, 'Unknown device'],
  ])('names %s as “%s”', (userAgent, label) => {
    expect(deviceLabel(userAgent)).toBe(label)
  })
})

describe('SESSION_IDLE_DAYS', () => {
  it('is 14 days unless set, takes any number of days above 0, and refuses anything else at start', () => {
    expect(idleDaysFrom(undefined)).toBe(14)
    expect(idleDaysFrom('')).toBe(14)
    expect(idleDaysFrom('7')).toBe(7)
    expect(idleDaysFrom('0.5')).toBe(0.5)
    for (const bad of ['0', '-3', 'fortnight'])
      expect(() => idleDaysFrom(bad)).toThrow(/SESSION_IDLE_DAYS must be a number of days above 0/)
  })
})

describe.each(backends)('sessions on %s', (backend) => {
  let server: ServerFixture
  let other: { orgId: string; personId: string }
  beforeAll(async () => {
    server = await demoServer(backend)
    other = await addOtherOrganisation(server.db, 'admin')
  })
  afterAll(() => server.close())

  /** Signs in on a device: its browser, and the cookie it already holds, if any. */
  async function signInOn(email: string, userAgent: string, cookie?: string, password = demoPassword): Promise<string> {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
      headers: { 'user-agent': userAgent, ...(cookie ? { cookie } : {}) },
    })
    expect(response.statusCode).toBe(200)
    return `gt_session=${response.cookies.find((c) => c.name === 'gt_session')!.value}`
  }
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string) =>
    server.app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      ...(method === 'POST' ? { payload: '{}' } : {}),
    })
  const devices = async (cookie: string) =>
    (await call('GET', '/api/auth/sessions', cookie)).json<DeviceSessions>().sessions
  const pull = (cookie: string) => call('GET', '/api/sync/pull', cookie)
  const errorCode = async (cookie: string) => (await pull(cookie)).json().error?.code
  // The server keeps only this hash of the token (src/server/auth/sessions.ts).
  const tokenHash = (cookie: string) => createHash('sha256').update(cookie.split('=')[1]!).digest('base64url')
  /** Rewrites a session's times, as if it had been made or used that long ago. */
  const ageSession = (cookie: string, column: 'last_used_at' | 'expires_at', secondsAgo: number) =>
    server.db.query(`update sessions set ${column} = now() - make_interval(secs => $2) where token_hash = $1`, [
      tokenHash(cookie),
      secondsAgo,
    ])
  const sessionRow = async (cookie: string) =>
    (
      await server.db.query<{ last_used_at: string }>('select last_used_at::text from sessions where token_hash = $1', [
        tokenHash(cookie),
      ])
    )[0]

  it('lists the devices a person is signed in on, marking this device, and no one else’s', async () => {
    const tablet = await signInOn('manager@demo.local', browsers.androidTablet)
    const phone = await signInOn('manager@demo.local', browsers.iPhone)
    await server.signIn('practitioner@demo.local')
    const fromTablet = await devices(tablet)
    expect(fromTablet.map((d) => [d.device, d.thisDevice])).toEqual(
      expect.arrayContaining([
        ['Chrome on Android', true],
        ['Safari on iPhone', false],
      ]),
    )
    expect(fromTablet).toHaveLength(2)
    for (const device of fromTablet) {
      for (const time of [device.firstSeenAt, device.signedInAt, device.lastUsedAt])
        expect(Date.now() - Date.parse(time)).toBeLessThan(60_000)
    }
    expect((await devices(phone)).find((d) => d.thisDevice)?.device).toBe('Safari on iPhone')
    expect((await call('GET', '/api/auth/sessions', 'gt_session=forged')).statusCode).toBe(401)
  })

  it('ends the session a device presents when it signs in again, keeping when that device was first seen', async () => {
    const first = await signInOn('viewer@demo.local', browsers.windowsEdge)
    const [before] = await devices(first)
    const again = await signInOn('viewer@demo.local', browsers.windowsEdge, first)
    expect(await errorCode(first)).toBe('signed_out')
    const after = await devices(again)
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ device: 'Edge on Windows', thisDevice: true, firstSeenAt: before!.firstSeenAt })
    expect(after[0]!.id).not.toBe(before!.id)
  })

  it('lets a session lapse after the idle time without use, even within its lifetime, and says signed out, not ended', async () => {
    const kept = await signInOn('admin@demo.local', browsers.androidTablet)
    const idle = await signInOn('admin@demo.local', browsers.iPhone)
    await ageSession(kept, 'last_used_at', sessionIdleSeconds - 24 * 60 * 60)
    await ageSession(idle, 'last_used_at', sessionIdleSeconds + 60)
    expect((await pull(kept)).statusCode).toBe(200)
    expect(await errorCode(idle)).toBe('signed_out')
    expect((await devices(kept)).map((d) => d.device)).toEqual(['Chrome on Android'])
  })

  it('ends every session after its lifetime however much it is used', async () => {
    const cookie = await signInOn('admin@demo.local', browsers.windowsEdge)
    await ageSession(cookie, 'expires_at', 1)
    expect(await errorCode(cookie)).toBe('signed_out')
  })

  it('writes when a session was last used only once that is more than five minutes ago', async () => {
    const cookie = await signInOn('practitioner@demo.local', browsers.androidTablet)
    await ageSession(cookie, 'last_used_at', 4 * 60)
    const fourMinutesAgo = (await sessionRow(cookie))!.last_used_at
    expect((await pull(cookie)).statusCode).toBe(200)
    expect((await sessionRow(cookie))!.last_used_at).toBe(fourMinutesAgo)
    await ageSession(cookie, 'last_used_at', 6 * 60)
    expect((await pull(cookie)).statusCode).toBe(200)
    const touched = (await devices(cookie)).find((d) => d.thisDevice)!
    expect(Date.now() - Date.parse(touched.lastUsedAt)).toBeLessThan(60_000)
  })

  it('signs one device out from another: that device is told its session was ended, at every contact, until it would have expired', async () => {
    const tablet = await signInOn('manager@demo.local', browsers.androidTablet)
    const phone = await signInOn('manager@demo.local', browsers.iPhone)
    const phoneId = (await devices(phone)).find((d) => d.thisDevice)!.id
    const ended = await call('DELETE', `/api/auth/sessions/${phoneId.toUpperCase()}`, tablet)
    expect(ended.statusCode).toBe(204)
    for (const url of ['/api/sync/pull', '/api/auth/session', '/api/auth/sessions']) {
      const refused = await call('GET', url, phone)
      expect(refused.statusCode).toBe(401)
      expect(refused.json().error.code).toBe('session_ended')
    }
    // Still ended weeks later, when it would have idled out: a lost device found late must still hear it.
    await ageSession(phone, 'last_used_at', sessionIdleSeconds + 60)
    expect(await errorCode(phone)).toBe('session_ended')
    expect((await pull(tablet)).statusCode).toBe(200)
    expect((await devices(tablet)).some((d) => d.id === phoneId)).toBe(false)
    // Once it would have expired it is forgotten, at the next sign-in anywhere.
    await ageSession(phone, 'expires_at', 1)
    await signInOn('viewer@demo.local', browsers.windowsEdge)
    expect(await sessionRow(phone)).toBeUndefined()
    expect(await errorCode(phone)).toBe('signed_out')
  })

  it('ends no one else’s session, and refuses an id that is not one', async () => {
    const mine = await signInOn('viewer@demo.local', browsers.androidTablet)
    const theirs = await signInOn('practitioner@demo.local', browsers.iPhone)
    const theirId = (await devices(theirs)).find((d) => d.thisDevice)!.id
    const refused = await call('DELETE', `/api/auth/sessions/${theirId}`, mine)
    expect(refused.statusCode).toBe(404)
    expect(refused.json().error.code).toBe('not_found')
    expect((await pull(theirs)).statusCode).toBe(200)
    const bad = await call('DELETE', '/api/auth/sessions/not-a-uuid', mine)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('invalid_input')
    expect((await call('DELETE', `/api/auth/sessions/${theirId}`, 'gt_session=forged')).statusCode).toBe(401)
  })

  it('signs out of all other devices, or of every device, this one included', async () => {
    const [a, b, c] = [
      await signInOn('admin@demo.local', browsers.androidTablet),
      await signInOn('admin@demo.local', browsers.iPhone),
      await signInOn('admin@demo.local', browsers.windowsEdge),
    ]
    const others = await call('POST', '/api/auth/sessions/end-others', a)
    expect(others.statusCode).toBe(200)
    expect(others.json().ended).toBeGreaterThanOrEqual(2)
    expect([await errorCode(b), await errorCode(c)]).toEqual(['session_ended', 'session_ended'])
    expect((await devices(a)).map((d) => d.thisDevice)).toEqual([true])

    const d = await signInOn('admin@demo.local', browsers.iPhone)
    const all = await call('POST', '/api/auth/sessions/end-all', a)
    expect(all.json()).toEqual({ ended: 2 })
    expect(all.cookies.find((cookie) => cookie.name === 'gt_session')?.value).toBe('')
    expect([await errorCode(a), await errorCode(d)]).toEqual(['session_ended', 'session_ended'])
  })

  it('shows a plan admin the organisation’s people and their active sessions, and lets them end a person’s sessions', async () => {
    const admin = await signInOn('admin@demo.local', browsers.windowsEdge)
    await call('POST', '/api/auth/sessions/end-others', admin)
    const tablet = await signInOn('practitioner@demo.local', browsers.androidTablet)
    const phone = await signInOn('practitioner@demo.local', browsers.iPhone)
    await call('POST', '/api/auth/sessions/end-others', phone)
    const tablet2 = await signInOn('practitioner@demo.local', browsers.androidTablet, tablet)

    const listed = await call('GET', '/api/people', admin)
    expect(listed.statusCode).toBe(200)
    const { people } = listed.json<OrganisationPeople>()
    expect(people.length).toBeGreaterThan(100)
    expect(people.some((p) => p.name === 'Other person')).toBe(false)
    const alex = people.find((p) => p.name === 'Alex Morgan (demo)')!
    expect(alex).toMatchObject({ role: 'practitioner', activeSessions: 2 })
    expect(alex.jobTitle).toBeTruthy()
    expect(people.find((p) => p.name.startsWith('Colleague'))?.activeSessions).toBe(0)

    const ended = await call('POST', `/api/people/${alex.id}/sessions/end`, admin)
    expect(ended.json()).toEqual({ ended: 2 })
    expect([await errorCode(phone), await errorCode(tablet2)]).toEqual(['session_ended', 'session_ended'])
    const after = (await call('GET', '/api/people', admin)).json<OrganisationPeople>().people
    expect(after.find((p) => p.id === alex.id)?.activeSessions).toBe(0)
    expect((await pull(admin)).statusCode).toBe(200)
  })

  it('lets only plan admins, and only in their own organisation, see people’s sessions or end them', async () => {
    const manager = await signInOn('manager@demo.local', browsers.androidTablet)
    const practitionerId = (await devices(await signInOn('practitioner@demo.local', browsers.iPhone))).find(
      (d) => d.thisDevice,
    )!.id
    const alexId = (
      await server.db.query<{ person_id: string }>(
        "select person_id from accounts where email = 'practitioner@demo.local'",
      )
    )[0]!.person_id
    for (const [method, url] of [
      ['GET', '/api/people'],
      ['POST', `/api/people/${alexId}/sessions/end`],
    ] as const) {
      const refused = await call(method, url, manager)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error.code).toBe('forbidden')
    }

    const otherAdmin = await signInOn(otherAccount.email, browsers.windowsEdge, undefined, otherAccount.password)
    const theirPeople = (await call('GET', '/api/people', otherAdmin)).json<OrganisationPeople>().people
    expect(theirPeople.map((p) => p.id)).toEqual([other.personId])
    const across = await call('POST', `/api/people/${alexId}/sessions/end`, otherAdmin)
    expect(across.statusCode).toBe(404)
    expect(
      (await server.db.query('select 1 from sessions where id = $1 and ended_at is null', [practitionerId])).length,
    ).toBe(1)
    expect((await call('POST', '/api/people/12/sessions/end', otherAdmin)).statusCode).toBe(400)
    expect((await call('GET', '/api/people', 'gt_session=forged')).statusCode).toBe(401)
  })
})

// The client's session and sync code, in Node with fake-indexeddb, against the real server over real HTTP.
describe.each(backends)('a device whose session ends, on %s', (backend) => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ db: await freshDatabase(backend) })
  })
  afterAll(() => app.stop())
  beforeEach(async () => {
    await clearLocalData(localDb)
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', deviceFetch(app.origin).fetch)
  })
  afterEach(() => vi.unstubAllGlobals())

  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

  /** The same person signs in on a second device, and from there signs out of every other one. */
  async function signOutFromAnotherDevice(email: string) {
    const other = deviceFetch(app.origin)
    expect((await other.fetch('/api/auth/sign-in', json({ email, password: demoPassword }))).status).toBe(200)
    expect(await (await other.fetch('/api/auth/sessions/end-others', json({}))).json()).toEqual({ ended: 1 })
  }

  async function queueEvidenceWithFile() {
    const session = useSessionStore()
    const action = await localDb.actions.where('code').equals('K9').first()
    const file = new File([new TextEncoder().encode('%PDF-1.4\nvisit notes\n%%EOF\n')], 'visit-notes.pdf', {
      type: 'application/pdf',
    })
    await addEvidence({
      personId: session.session!.person.id,
      actionId: action!.id,
      milestoneId: null,
      note: 'Home visit',
      photos: [],
      files: [file],
    })
    expect(await localDb.outbox.count()).toBe(1)
    expect(await localDb.uploads.count()).toBe(1)
  }

  it("removes the organisation's data, unsent changes included, at its next sync", async () => {
    const session = useSessionStore()
    await session.signIn('practitioner@demo.local', demoPassword)
    expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
    await signOutFromAnotherDevice('practitioner@demo.local')
    await useSyncStore().syncNow()
    for (const table of localDb.tables) expect(await table.count(), table.name).toBe(0)
    expect(session.signedIn).toBe(false)
    expect(session.endedByServer).toBe(true)
  })

  it('does so too when what meets the ended session first is a file going up', async () => {
    const session = useSessionStore()
    await session.signIn('manager@demo.local', demoPassword)
    await queueEvidenceWithFile()
    await signOutFromAnotherDevice('manager@demo.local')
    await useSyncStore().syncNow()
    for (const table of localDb.tables) expect(await table.count(), table.name).toBe(0)
    expect(session.endedByServer).toBe(true)
  })

  it('keeps everything when the session only lapsed, and waits for the person to sign in again', async () => {
    const session = useSessionStore()
    await session.signIn('admin@demo.local', demoPassword)
    await queueEvidenceWithFile()
    await app.db.query(
      `update sessions set last_used_at = now() - make_interval(secs => $1)
        where person_id = (select person_id from accounts where email = 'admin@demo.local')`,
      [sessionIdleSeconds + 60],
    )
    await useSyncStore().syncNow()
    expect(await localDb.actions.count()).toBe(afcDemoCounts.actions)
    expect(await localDb.outbox.count()).toBe(1)
    expect(session.signedIn).toBe(true)
    expect(session.endedByServer).toBe(false)
    expect(useSyncStore().signedOutOnServer).toBe(true)
  })
})
