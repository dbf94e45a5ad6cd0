import { fileURLToPath } from 'node:url'
import { openDatabase } from './db/database'
import { migrate } from './db/migrate'
import { seedDemo } from './demo/seed'
import { buildApp } from './app'
import { configuredStore } from './attachments/configured-store'
import { startUploadSweep, uploadQuotaFromEnv } from './attachments/uploads'
import { signInSettingsFromEnv } from './auth/oidc-settings'
import { startSurveySweep } from './surveys/sweep'

const env = process.env
const withDemo = process.argv.includes('--demo')
const root = fileURLToPath(new URL('../..', import.meta.url))

const dataDir = env.DATA_DIR ?? `${root}data`
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: `${dataDir}/pglite` })
const applied = await migrate(db)
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
if (withDemo && (await seedDemo(db)))
  console.log('Loaded the demo organisations and their five plans (see README for the demo accounts).')
const attachments = await configuredStore(db, env)

const app = await buildApp({
  db,
  attachments,
  uploadQuotaBytes: uploadQuotaFromEnv(env),
  staticDir: env.STATIC_DIR ?? `${root}dist`,
  allowedOrigins: env.ALLOWED_ORIGINS?.split(',').filter(Boolean),
  secureCookies: env.COOKIE_SECURE === 'true',
  signIn: signInSettingsFromEnv(env),
  trustProxy: env.TRUST_PROXY === 'true',
  logLevel: env.LOG_LEVEL ?? 'warn',
})
const port = Number(env.PORT ?? 8080)
await app.listen({ port, host: env.HOST ?? '0.0.0.0' })
console.log(
  `Golden Thread is running at http://localhost:${port} (database: ${db.kind}, attachments: ${attachments.kind})`,
)
const stopSweep = startUploadSweep(db, attachments, (error) =>
  app.log.error({ err: error }, 'Sweeping expired uploads failed'),
)
// Surveys whose closing date passed while no replica was running are closed now.
const stopSurveySweep = startSurveySweep(db, (error) =>
  app.log.error({ err: error }, 'Closing surveys past their closing date failed'),
)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    stopSweep()
    await stopSurveySweep()
    await app.close()
    await db.close()
    process.exit(0)
  })
}
