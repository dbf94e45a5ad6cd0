import { randomUUID } from 'node:crypto'
import { startApp, type RunningApp } from '../support/app-server'
import { demoIds, type DemoIds } from '../support/push-fixture'
import { startPostgres, type ThrowawayPostgres } from '../support/postgres'
import { openDatabase } from '../../src/server/db/database'
import { demoPassword } from '../../src/server/demo/people'

/**
 * One throwaway PostgreSQL server for the push benchmarks (started on first use, stopped
 * at the end of the run), and on it a fresh database per benchmark with the demo
 * organisation and the real app listening on loopback.
 */
let server: Promise<ThrowawayPostgres> | undefined

export function sharedPostgres(): Promise<ThrowawayPostgres> {
  server ??= startPostgres()
  return server
}

export async function stopSharedPostgres(): Promise<void> {
  const running = server
  server = undefined
  if (running) await (await running).stop().catch(() => undefined)
}

export interface DemoWork {
  ids: DemoIds
  managerId: string
  /** Actions the demo manager's team leads: the manager may post on them and set their milestones' status. */
  actionIds: string[]
  /** K9's milestones. */
  milestoneIds: string[]
}

export interface DemoApp {
  app: RunningApp
  /** The database's own URL on the throwaway server, for a connection outside the app's pool. */
  url: string
  databaseName: string
  work: DemoWork
  /** A session cookie (`gt_session=…`) for a demo account, signed in over HTTP. */
  signIn(email: string): Promise<string>
  /** Headers a browser on the app's origin would send with a JSON push. */
  pushHeaders(cookie: string): Record<string, string>
  stop(): Promise<void>
}

export async function demoAppOnPostgres(staticDir?: string): Promise<DemoApp> {
  const pg = await sharedPostgres()
  const databaseName = `bench_${randomUUID().replaceAll('-', '')}`
  const url = await pg.createDatabase(databaseName)
  const app = await startApp({ db: await openDatabase({ url }), ...(staticDir ? { staticDir } : {}) })
  try {
    const ids = await demoIds(app.db)
    const actionIds = [ids.action('K9'), ids.action('K8')]
    const milestones = await app.db.query<{ id: string }>(
      'select id from milestones where action_id = $1 order by position',
      [actionIds[0]],
    )
    const work = { ids, managerId: ids.person.manager, actionIds, milestoneIds: milestones.map((m) => m.id) }
    return {
      app,
      url,
      databaseName,
      work,
      async signIn(email) {
        const response = await fetch(`${app.origin}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: app.origin },
          body: JSON.stringify({ email, password: demoPassword }),
        })
        const cookie = response.headers
          .getSetCookie()
          .map((line) => line.split(';')[0]!)
          .find((pair) => pair.startsWith('gt_session='))
        if (response.status !== 200 || !cookie) throw new Error(`Signing in as ${email} answered ${response.status}`)
        return cookie
      },
      pushHeaders: (cookie) => ({ 'content-type': 'application/json', cookie, origin: app.origin }),
      stop: () => app.stop(),
    }
  } catch (error) {
    await app.stop()
    throw error
  }
}
