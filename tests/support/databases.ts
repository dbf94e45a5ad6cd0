import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'

export type Backend = 'pglite' | 'postgres'
export const backends: Backend[] = ['pglite', 'postgres']

/**
 * A new, migrated, empty database: PGlite in memory, or a fresh database on the throwaway
 * server. Unmigrated if asked, for a test of a migration to apply what came before it.
 */
export async function freshDatabase(backend: Backend, options: { migrated?: boolean } = {}): Promise<Database> {
  const migrated = options.migrated ?? true
  if (backend === 'pglite') {
    const db = await openDatabase({})
    if (migrated) await migrate(db)
    return db
  }
  const adminUrl = inject('postgresAdminUrl')
  const name = `test_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const db = await openDatabase({ url: adminUrl.replace(/\/postgres$/, `/${name}`) })
  if (migrated) await migrate(db)
  return db
}
