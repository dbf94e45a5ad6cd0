import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { seedDemo } from '../../src/server/demo/seed'
import { freePort } from './postgres'
import type { AttachmentStore } from '../../src/server/attachments/store'
import { postgresStore } from '../../src/server/attachments/postgres-store'
import type { SignInSettings } from '../../src/server/auth/oidc-settings'

// GT_DIST_DIR lets two people (or two test runs) build and test their own copies side by side.
export const distDir = process.env.GT_DIST_DIR
  ? resolve(process.env.GT_DIST_DIR)
  : fileURLToPath(new URL('../../dist', import.meta.url))

export interface RunningApp {
  db: Database
  port: number
  /** Where attachment bytes are kept: PostgreSQL unless the test chose another store. */
  attachments: AttachmentStore
  /** The whole of a finished upload, as the store gives it back. */
  storedAttachment(id: string): Promise<Buffer>
  origin: string
  /** Stops answering, as if the signal dropped; the database stays. */
  goOffline(): Promise<void>
  /** Answers again on the same port. */
  goOnline(): Promise<void>
  stop(): Promise<void>
}

/**
 * The real server, serving the built app and the API on a free loopback port, over
 * an in-memory PGlite loaded with the demo organisation (or `db` if given).
 */
export async function startApp(
  options: {
    db?: Database
    demo?: boolean
    staticDir?: string
    attachments?: AttachmentStore
    uploadQuotaBytes?: number
    /** A port chosen beforehand, when something else must know the address first (an identity provider). */
    port?: number
    signIn?: SignInSettings
  } = {},
): Promise<RunningApp> {
  const db = options.db ?? (await openDatabase({}))
  await migrate(db)
  if (options.demo ?? true) await seedDemo(db)
  const port = options.port ?? (await freePort())
  const attachments = options.attachments ?? postgresStore(db)
  let app: FastifyInstance | undefined
  const listen = async () => {
    app = await buildApp({
      db,
      staticDir: options.staticDir ?? distDir,
      attachments,
      uploadQuotaBytes: options.uploadQuotaBytes,
      signIn: options.signIn,
    })
    await app.listen({ port, host: '127.0.0.1' })
  }
  await listen()
  return {
    db,
    port,
    attachments,
    async storedAttachment(id) {
      const parts: Uint8Array[] = []
      for await (const part of await attachments.read(id)) parts.push(part)
      return Buffer.concat(parts)
    },
    origin: `http://127.0.0.1:${port}`,
    async goOffline() {
      if (!app) return
      // A dropped network ends requests in flight too; close() alone waits for them,
      // and a page's open request can hold it past the test's time.
      const closing = app.close()
      app.server.closeAllConnections()
      await closing
      app = undefined
    },
    async goOnline() {
      if (!app) await listen()
    },
    async stop() {
      await app?.close()
      await db.close()
    },
  }
}
