import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { seedDemo } from '../../src/server/demo/seed'
import { freePort } from './postgres'
import { tempAttachmentStore } from './temp-store'

// GT_DIST_DIR lets two people (or two test runs) build and test their own copies side by side.
export const distDir = process.env.GT_DIST_DIR ? resolve(process.env.GT_DIST_DIR) : fileURLToPath(new URL('../../dist', import.meta.url))

export interface RunningApp {
  db: Database
  port: number
  /** The folder attachment bytes are written to. */
  attachmentsDir: string
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
export async function startApp(options: { db?: Database; demo?: boolean; staticDir?: string } = {}): Promise<RunningApp> {
  const db = options.db ?? (await openDatabase({}))
  await migrate(db)
  if (options.demo ?? true) await seedDemo(db)
  const port = await freePort()
  const { store: attachments, dir: attachmentsDir } = tempAttachmentStore()
  let app: FastifyInstance | undefined
  const listen = async () => {
    app = await buildApp({ db, staticDir: options.staticDir ?? distDir, attachments })
    await app.listen({ port, host: '127.0.0.1' })
  }
  await listen()
  return {
    db,
    port,
    attachmentsDir,
    origin: `http://127.0.0.1:${port}`,
    async goOffline() {
      await app?.close()
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
