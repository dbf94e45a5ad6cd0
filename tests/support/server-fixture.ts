import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import type { Database } from '../../src/server/db/database'
import { seedDemo } from '../../src/server/demo/seed'
import { demoPassword } from '../../src/server/demo/people'
import { freshDatabase, type Backend } from './databases'

/** What Achieving for Children's demo holds: the 2019 framework (4 themes, 40 priorities) and the 2020/24 plan (6 themes, 47 projects). */
export const afcDemoCounts = { actions: 87, themes: 10 } as const

export interface ServerFixture {
  db: Database
  app: FastifyInstance
  /** The session cookie of a demo account, ready for `headers.cookie`. */
  signIn(email: string, password?: string): Promise<string>
  close(): Promise<void>
}

/** A fresh database on `backend` with the demo organisations, and the app over it (no listener: inject). */
export async function demoServer(backend: Backend): Promise<ServerFixture> {
  const db = await freshDatabase(backend)
  await seedDemo(db)
  const app = await buildApp({ db })
  return {
    db,
    app,
    async signIn(email, password = demoPassword) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } })
      if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.body}`)
      const cookie = response.cookies.find((c) => c.name === 'gt_session')
      if (!cookie) throw new Error('no session cookie')
      return `gt_session=${cookie.value}`
    },
    async close() {
      await app.close()
      await db.close()
    },
  }
}
