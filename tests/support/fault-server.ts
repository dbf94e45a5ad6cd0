/**
 * The API server as its own process, for fault-injection tests that kill it with
 * SIGKILL mid-request. Run with `node --import tsx tests/support/fault-server.ts`.
 *
 * Environment: DATABASE_URL (PostgreSQL) or PGLITE_DIR (PGlite in a folder);
 * ATTACHMENTS_DIR; PORT (loopback). Migrates, loads the demo organisation if the
 * database is empty, and prints "listening <port>" once it answers.
 */
import { openDatabase } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { seedDemo } from '../../src/server/demo/seed'
import { buildApp } from '../../src/server/app'
import { folderStore } from '../../src/server/attachments/folder-store'

const env = process.env
if (!env.DATABASE_URL && !env.PGLITE_DIR) throw new Error('Set DATABASE_URL or PGLITE_DIR')
if (!env.ATTACHMENTS_DIR || !env.PORT) throw new Error('Set ATTACHMENTS_DIR and PORT')

const db = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DIR })
await migrate(db)
await seedDemo(db)
const app = await buildApp({ db, attachments: folderStore(env.ATTACHMENTS_DIR) })
await app.listen({ port: Number(env.PORT), host: '127.0.0.1' })
process.stdout.write(`listening ${env.PORT}\n`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close()
    await db.close()
    process.exit(0)
  })
}
