import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'
import { AwsClient } from 'aws4fetch'
import type { Queryable } from '../../src/server/db/database'
import type { AttachmentStore } from '../../src/server/attachments/store'
import { configuredStore } from '../../src/server/attachments/configured-store'
import { storedChunks } from '../../src/server/attachments/postgres-store'

export type StoreKind = 'postgres' | 's3'
export const storeKinds: StoreKind[] = ['postgres', 's3']

/** Where a test's server keeps attachments, and a way to look at what it kept there. */
export interface TestStore {
  kind: StoreKind
  /** The environment that makes a server use this store (none for PostgreSQL, the default). */
  env: Record<string, string>
  /** The store, chosen from `env` as the server chooses it. */
  open(db: Queryable): Promise<AttachmentStore>
  /** Every byte kept for upload `id` so far: its object in the bucket, then its chunks in PostgreSQL. */
  held(db: Queryable, id: string): Promise<Buffer>
  /** The keys of the objects in the bucket (none for PostgreSQL). */
  objects(): Promise<string[]>
  /** Object storage goes down, keeping what it holds; the function returned brings it back on the same port. */
  outage?(): Promise<() => Promise<void>>
  stop(): Promise<void>
}

async function chunksOf(db: Queryable, id: string): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const part of storedChunks(db, id)) parts.push(part)
  return Buffer.concat(parts)
}

/** A store of `kind`; for S3, a real S3-protocol server (s3rver) on a free loopback port over a temp folder. */
export async function testStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'postgres') {
    return {
      kind,
      env: {},
      open: (db) => configuredStore(db, {}),
      held: chunksOf,
      objects: async () => [],
      stop: async () => undefined,
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'gt-s3-'))
  const bucket = 'evidence'
  // s3rver knows one account, S3RVER, and refuses any other access key.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
  const serve = (port: number) =>
    new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory: dir,
      configureBuckets: [{ name: bucket, configs: [] }],
    })
  let server = serve(0)
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const env = {
    S3_ENDPOINT: endpoint,
    S3_BUCKET: bucket,
    S3_REGION: 'eu-west-2',
    S3_ACCESS_KEY_ID: credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  }
  const aws = new AwsClient({ ...credentials, service: 's3', region: env.S3_REGION })
  const object = async (key: string) => {
    const response = await aws.fetch(`${endpoint}/${bucket}/${key}`)
    if (response.status === 404) return Buffer.alloc(0)
    if (!response.ok) throw new Error(`s3rver answered ${response.status} for ${key}`)
    return Buffer.from(await response.arrayBuffer())
  }
  return {
    kind,
    env,
    open: (db) => configuredStore(db, env),
    held: async (db, id) => Buffer.concat([await object(id), await chunksOf(db, id)]),
    async objects() {
      const response = await aws.fetch(`${endpoint}/${bucket}?list-type=2`)
      return [...(await response.text()).matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) => match[1]!)
    },
    async outage() {
      await server.close()
      return async () => {
        server = serve(port)
        await server.run()
      }
    },
    async stop() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
