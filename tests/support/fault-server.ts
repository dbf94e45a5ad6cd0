/**
 * The API server as its own process, for fault-injection tests that kill it with
 * SIGKILL mid-request. Run with `node --import tsx tests/support/fault-server.ts`.
 *
 * Environment: DATABASE_URL (PostgreSQL) or PGLITE_DIR (PGlite in a folder); PORT
 * (loopback); attachments stay in the database unless the S3_* variables say otherwise,
 * as for the real server. Migrates, loads the demo organisation if the database is
 * empty, and prints "listening <port>" once it answers.
 */
import { openDatabase } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { seedDemo } from '../../src/server/demo/seed'
import { buildApp } from '../../src/server/app'
import { configuredStore } from '../../src/server/attachments/configured-store'

const env = process.env
if (!env.DATABASE_URL && !env.PGLITE_DIR) throw new Error('Set DATABASE_URL or PGLITE_DIR')
if (!env.PORT) throw new Error('Set PORT')

const db = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DIR })
await migrate(db)
await seedDemo(db)
const app = await buildApp({ db, attachments: await configuredStore(db, env) })
await app.listen({ port: Number(env.PORT), host: '127.0.0.1' })
process.stdout.write(`listening ${env.PORT}\n`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close()
    await db.close()
    process.exit(0)
  })
}
