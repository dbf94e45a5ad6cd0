import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { openDeviceProfile } from './device'
import { demoAppOnPostgres } from './postgres-demo'

/** Where tests/bench/vite.config.ts builds the benchmark page (tests/bench/page). */
export const benchDist = resolve('.tmp/bench-dist')

let built = false

/** Builds the benchmark page once per run; every browser benchmark serves it next to /api. */
export function buildBenchPage() {
  if (built) return
  execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts'], { stdio: 'inherit' })
  built = true
}

/**
 * The bench page in a Chromium profile, served by the real server over a fresh demo
 * database on real PostgreSQL, signed in as a demo account (the manager unless told), with an
 * empty device database. `close` stops the browser and the server.
 */
export async function signedInOnBenchPage(email = 'manager@demo.local') {
  buildBenchPage()
  const demo = await demoAppOnPostgres(benchDist)
  const device = await openDeviceProfile(demo.app.origin)
  const close = async () => {
    await device.close()
    await demo.stop()
  }
  try {
    const page = await device.context.newPage()
    await page.goto('/')
    await page.getByText('Ready').waitFor({ timeout: 20_000 })
    const status = await page.evaluate((account) => window.bench.signIn(account, 'golden-thread-demo'), email)
    if (status !== 200) throw new Error(`Signing in as ${email} answered ${status}`)
    await page.evaluate(() => window.bench.freshDatabase())
    return { demo, page, close }
  } catch (error) {
    await close()
    throw error
  }
}
