import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { AwsClient } from 'aws4fetch'
import type { Queryable } from '../db/database'
import { keepChunk, storedChunks } from './postgres-store'
import type { AttachmentStore } from './store'

export interface S3Options {
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`: most S3-compatible servers want this. */
  forcePathStyle: boolean
}

/** S3-compatible storage when S3_BUCKET is set; undefined means attachments stay in PostgreSQL. */
export function s3OptionsFromEnv(env: NodeJS.ProcessEnv): S3Options | undefined {
  const bucket = env.S3_BUCKET
  if (!bucket) return undefined
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env
  if (!accessKeyId || !secretAccessKey)
    throw new Error('S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set too.')
  const region = env.S3_REGION ?? 'us-east-1'
  const endpoint = env.S3_ENDPOINT ?? `https://s3.${region}.amazonaws.com`
  return { endpoint, bucket, region, accessKeyId, secretAccessKey, forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true' }
}

/** A request that holds a database transaction open gives up after this long. */
const writeTimeoutMs = 60_000

async function refusal(response: Response, what: string): Promise<Error> {
  // S3's XML error names its cause (AccessDenied, NoSuchBucket…); nothing else of it is kept.
  const code = /<Code>([^<]{1,64})<\/Code>/.exec(await response.text().catch(() => ''))?.[1]
  return new Error(`Object storage answered ${response.status}${code ? ` ${code}` : ''} to ${what}.`)
}

/**
 * Attachment bytes in an S3-compatible bucket, one object per attachment, named by its
 * id. S3 multipart parts must be at least 5 MB and our chunks are 512 KB, so chunks are
 * staged in PostgreSQL (as the PostgreSQL store keeps them) and the chunk that completes
 * the file puts the whole object and drops the staged rows, in that chunk's transaction:
 * a refused chunk writes nothing anywhere, and a file is complete in the database only
 * once its object is in the bucket. If that transaction fails after the put, the object
 * is an orphan only until the device resends the last chunk (the same key is put again)
 * or the unfinished upload expires and the sweep deletes it.
 */
export async function openS3Store(options: S3Options): Promise<AttachmentStore> {
  const aws = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: 's3',
    region: options.region,
    retries: 2,
  })
  const endpoint = new URL(options.endpoint)
  const root = endpoint.pathname.replace(/\/$/, '')
  const bucketUrl = options.forcePathStyle
    ? `${endpoint.origin}${root}/${options.bucket}`
    : `${endpoint.protocol}//${options.bucket}.${endpoint.host}${root}`
  const objectUrl = (id: string) => `${bucketUrl}/${id}`

  // Misconfiguration shows at start, not at someone's first upload.
  const probe = await aws.fetch(bucketUrl, { method: 'HEAD', signal: AbortSignal.timeout(writeTimeoutMs) })
  if (!probe.ok) throw await refusal(probe, `a check of bucket ${options.bucket} at ${endpoint.origin}`)

  const put = async (id: string, body: Buffer<ArrayBuffer>) => {
    const response = await aws.fetch(objectUrl(id), {
      method: 'PUT',
      body,
      // The real digest rather than UNSIGNED-PAYLOAD, so storage refuses a body damaged on the way.
      headers: { 'x-amz-content-sha256': createHash('sha256').update(body).digest('hex') },
      signal: AbortSignal.timeout(writeTimeoutMs),
    })
    if (!response.ok) throw await refusal(response, `storing attachment ${id}`)
  }
  const remove = async (id: string) => {
    const response = await aws.fetch(objectUrl(id), { method: 'DELETE', signal: AbortSignal.timeout(writeTimeoutMs) })
    if (!response.ok && response.status !== 404) throw await refusal(response, `deleting attachment ${id}`)
  }

  return {
    kind: 's3',
    async writeChunk(tx: Queryable, chunk) {
      if (!chunk.completes) return keepChunk(tx, chunk)
      const staged: Buffer[] = []
      for await (const part of storedChunks(tx, chunk.id)) staged.push(part)
      await put(chunk.id, Buffer.concat([...staged, chunk.bytes]))
      await tx.query('delete from attachment_chunks where attachment_id = $1', [chunk.id])
    },
    async read(id) {
      const response = await aws.fetch(objectUrl(id))
      if (response.status !== 200 || !response.body) throw await refusal(response, `reading attachment ${id}`)
      return Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
    },
    // Inside the sweep's transaction, before its rows go: if a delete fails, the rows stay for the next sweep.
    discard: async (_tx, ids) => void (await Promise.all(ids.map(remove))),
  }
}
