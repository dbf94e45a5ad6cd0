import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { startApp, type RunningApp } from '../support/app-server'
import { backends, freshDatabase } from '../support/databases'
import { deviceFetch } from '../support/device-fetch'
import { count } from '../support/push-fixture'
import { testStore, type TestStore } from '../support/temp-store'
import { demoPassword } from '../../src/server/demo/people'
import type { Database } from '../../src/server/db/database'
import { configuredStore } from '../../src/server/attachments/configured-store'
import { s3OptionsFromEnv } from '../../src/server/attachments/s3-store'

/** A JPEG's first bytes, then filler (the server checks only the start), sent in three chunks. */
const file = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1496, 0x3c)])
const cuts = [0, 500, 1000, file.length]

describe('choosing where attachments are kept', () => {
  let s3: TestStore
  let db: Database
  beforeAll(async () => {
    s3 = await testStore('s3')
    db = await freshDatabase('pglite')
  })
  afterAll(async () => {
    await db?.close()
    await s3?.stop()
  })

  it('keeps them in PostgreSQL unless S3_BUCKET is set, and names the settings S3 still needs', async () => {
    expect((await configuredStore(db, {})).kind).toBe('postgres')
    expect((await configuredStore(db, s3.env)).kind).toBe('s3')
    expect(() => s3OptionsFromEnv({ S3_BUCKET: 'evidence' })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set/,
    )
    const keys = { S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' }
    expect(s3OptionsFromEnv({ S3_BUCKET: 'evidence', S3_REGION: 'eu-west-2', ...keys })).toMatchObject({
      endpoint: 'https://s3.eu-west-2.amazonaws.com',
      forcePathStyle: false,
    })
  })

  it('refuses to start on a bucket the storage does not have, or an access key it does not know', async () => {
    await expect(configuredStore(db, { ...s3.env, S3_BUCKET: 'no-such-bucket' })).rejects.toThrow(
      /answered 404 to a check of bucket no-such-bucket/,
    )
    await expect(configuredStore(db, { ...s3.env, S3_ACCESS_KEY_ID: 'SOMEONE-ELSE' })).rejects.toThrow(
      /answered 403 to a check of bucket evidence/,
    )
  })
})

describe.each(backends)('S3-compatible storage, database on %s', (backend) => {
  let app: RunningApp
  let store: TestStore
  let device: ReturnType<typeof deviceFetch>

  const putChunk = (id: string, part: number) => {
    const query = new URLSearchParams({
      offset: String(cuts[part]),
      size: String(file.length),
      name: 'visit.jpg',
      type: 'image/jpeg',
    })
    return device.fetch(`/api/attachments/${id}/chunks?${query}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(file.subarray(cuts[part], cuts[part + 1])),
    })
  }
  const chunkRows = (id: string) =>
    count(app.db, 'select count(*) as n from attachment_chunks where attachment_id = $1', [id])
  const progress = async (id: string) =>
    (await (await device.fetch(`/api/attachments/${id}/status`)).json()) as { receivedBytes: number }

  beforeAll(async () => {
    store = await testStore('s3')
    const db = await freshDatabase(backend)
    app = await startApp({ db, attachments: await store.open(db) })
    device = deviceFetch(app.origin)
    const signIn = await device.fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'practitioner@demo.local', password: demoPassword }),
    })
    expect(signIn.status).toBe(200)
  })
  afterAll(async () => {
    await app?.stop()
    await store?.stop()
  })

  it('keeps an unfinished file as chunks in PostgreSQL, and a finished one as one object named by its id', async () => {
    const id = randomUUID()
    for (const part of [0, 1]) expect((await putChunk(id, part)).status).toBe(200)
    expect(await chunkRows(id)).toBe(2)
    expect(await store.objects()).not.toContain(id)

    expect((await putChunk(id, 2)).status).toBe(200)
    expect(await chunkRows(id)).toBe(0)
    expect(await store.objects()).toContain(id)
    expect((await store.held(app.db, id)).equals(file)).toBe(true)
    const download = await device.fetch(`/api/attachments/${id}`)
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true)
  })

  it('refuses the last chunk while storage is down and records nothing, then completes when the device sends it again', async () => {
    const finished = randomUUID()
    for (const part of [0, 1, 2]) await putChunk(finished, part)
    const id = randomUUID()
    for (const part of [0, 1]) await putChunk(id, part)

    const restore = await store.outage!()
    try {
      // A 5xx: the device keeps the chunk and tries again later.
      const refused = await putChunk(id, 2)
      expect(refused.status).toBe(500)
      expect(await refused.json()).toMatchObject({ error: { code: 'server_error' } })
      expect(await progress(id)).toMatchObject({ receivedBytes: cuts[2] })
      expect(await chunkRows(id)).toBe(2)
      const download = await device.fetch(`/api/attachments/${finished}`)
      expect(download.status).toBe(500)
      expect(await download.json()).toMatchObject({ error: { code: 'server_error' } })
    } finally {
      await restore()
    }
    expect(await store.objects()).not.toContain(id)

    expect((await putChunk(id, 2)).status).toBe(200)
    expect(await progress(id)).toMatchObject({ receivedBytes: file.length })
    const download = await device.fetch(`/api/attachments/${id}`)
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true)
  })
})
