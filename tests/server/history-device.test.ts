import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { change, demoIds, evidenceNote, pullInject, pushInject, type DemoIds } from '../support/push-fixture'
import { deviceKind } from '../../src/server/auth/device-label'

const userAgents = {
  androidTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  androidPhone:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iPad: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
  chromebook:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
}

describe('device kinds', () => {
  it.each([
    [userAgents.androidTablet, 'tablet'],
    [userAgents.androidPhone, 'phone'],
    [userAgents.iPhone, 'phone'],
    [userAgents.iPad, 'tablet'],
    [userAgents.windows, 'computer'],
    [userAgents.chromebook, 'computer'],
    ['curl/8.5.0', null],
    [undefined, null],
  ])('calls %s a %s', (userAgent, kind) => {
    expect(deviceKind(userAgent)).toBe(kind)
  })
})

describe.each(backends)('history on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  let cookie: string

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    cookie = await server.signIn('practitioner@demo.local')
  })
  afterAll(() => server.close())

  it('keeps the kind of device each change was sent from, and a pull carries it', async () => {
    const { checkpoint } = await pullInject(server.app, cookie)
    const fromTablet = change('evidence.add', evidenceNote(ids.action('K9'), 'Signed attendance sheet.'))
    const fromNowhere = change('evidence.add', evidenceNote(ids.action('K9'), 'Minutes of the panel.'))
    expect(
      (await pushInject(server.app, cookie, { mutations: [fromTablet] }, { 'user-agent': userAgents.androidTablet }))
        .statusCode,
    ).toBe(200)
    expect(
      (await pushInject(server.app, cookie, { mutations: [fromNowhere] }, { 'user-agent': 'curl/8.5.0' })).statusCode,
    ).toBe(200)

    const rows = await server.db.query<{ mutation_id: string; device_kind: string | null }>(
      'select mutation_id, device_kind from history where mutation_id = any($1::uuid[]) order by made_at',
      [[fromTablet.id, fromNowhere.id]],
    )
    expect(new Map(rows.map((r) => [r.mutation_id, r.device_kind]))).toEqual(
      new Map([
        [fromTablet.id, 'tablet'],
        [fromNowhere.id, null],
      ]),
    )
    const pulled = await pullInject(server.app, cookie, checkpoint)
    const kinds = pulled.changes.flatMap((c) =>
      c.type === 'history' && c.op === 'put' ? [[c.data.mutationId, c.data.deviceKind]] : [],
    )
    expect(kinds).toEqual(
      expect.arrayContaining([
        [fromTablet.id, 'tablet'],
        [fromNowhere.id, null],
      ]),
    )
  })
})
