import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { change, demoIds, progress, pushInject, type DemoIds, madeAtClock } from '../support/push-fixture'

// One status language (src/shared/status-language.ts): a quarterly update sets the project's status
// when someone who may set it posts it; anyone else's update is a comment on it.
describe.each(backends)('quarterly updates and the project’s status, on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  let manager: string
  let practitioner: string
  const later = madeAtClock(10)

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    manager = await server.signIn('manager@demo.local')
    practitioner = await server.signIn('practitioner@demo.local')
  })
  afterAll(() => server.close())

  const statusOf = async (actionId: string) =>
    (await server.db.query<{ status: string }>('select status from actions where id = $1', [actionId]))[0]!.status
  const historyDetails = async (updateId: string) =>
    (
      await server.db.query<{ details: Record<string, unknown> }>(
        `select details from history where entity_id = $1 and change = 'progress.post'`,
        [updateId],
      )
    )[0]!.details
  const post = (cookie: string, actionId: string, rag: 'green' | 'amber' | 'red', madeAt = later()) => {
    const data = { ...progress(actionId, rag, `An update that is ${rag} this quarter.`), setsStatus: true }
    return pushInject(server.app, cookie, { mutations: [change('progress.post', data, { madeAt })] }).then((reply) => ({
      reply,
      data,
    }))
  }

  it('the manager of the leading team sets the status with their update; a practitioner’s later green is a comment', async () => {
    const k9 = ids.action('K9')
    const mine = await post(manager, k9, 'red')
    expect(mine.reply.results[0]!.outcome).toBe('applied')
    expect(await statusOf(k9)).toBe('off-track')
    expect(await historyDetails(mine.data.id)).toMatchObject({ rag: 'red', status: 'off-track' })

    // The device claims the update sets the status, but the practitioner may not: it is kept as a comment.
    const theirs = await post(practitioner, k9, 'green')
    expect(theirs.reply.results[0]!.outcome).toBe('applied')
    expect(await statusOf(k9)).toBe('off-track')
    expect(await historyDetails(theirs.data.id)).not.toHaveProperty('status')
    const stored = await server.db.query('select rag from progress_updates where id = $1', [theirs.data.id])
    expect(stored).toEqual([{ rag: 'green' }])
  })

  it('the person named as the project’s lead sets its status, by an update or directly', async () => {
    const r7 = ids.action('R7')
    await server.db.query('update actions set lead_person_id = $1 where id = $2', [ids.person.practitioner, r7])
    const update = await post(practitioner, r7, 'amber')
    expect(update.reply.results[0]!.outcome).toBe('applied')
    expect(await statusOf(r7)).toBe('at-risk')
    const direct = await pushInject(server.app, practitioner, {
      mutations: [change('status.set', { entity: 'action', entityId: r7, status: 'on-track' }, { madeAt: later() })],
    })
    expect(direct.results[0]!.outcome).toBe('applied')
    expect(await statusOf(r7)).toBe('on-track')
  })

  it('an update made before a more recent change of status does not override it, and says so in its history', async () => {
    const k9 = ids.action('K9')
    const earlier = new Date(Date.parse(later()) - 60_000).toISOString()
    await pushInject(server.app, manager, {
      mutations: [change('status.set', { entity: 'action', entityId: k9, status: 'complete' }, { madeAt: later() })],
    })
    const stale = await post(manager, k9, 'amber', earlier)
    expect(stale.reply.results[0]!.outcome).toBe('applied')
    expect(await statusOf(k9)).toBe('complete')
    expect(await historyDetails(stale.data.id)).toMatchObject({ status: 'at-risk', statusSuperseded: true })
  })

  it('an update sent by an older device, without `setsStatus`, is a comment whoever posts it', async () => {
    const k9 = ids.action('K9')
    const before = await statusOf(k9)
    const reply = await pushInject(server.app, manager, {
      mutations: [
        change('progress.post', progress(k9, 'red', 'From a device on the last version.'), { madeAt: later() }),
      ],
    })
    expect(reply.results[0]!.outcome).toBe('applied')
    expect(await statusOf(k9)).toBe(before)
  })
})
