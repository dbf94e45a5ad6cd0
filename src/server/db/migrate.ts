import type { Database } from './database'
import { migrations } from './migrations'

// Any fixed number: replicas starting together queue on this lock, so one migrates.
const migrationLock = 727_001

export async function migrate(db: Database): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`)
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [migrationLock])
    const done = new Set((await tx.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name))
    const applied: string[] = []
    for (const migration of migrations) {
      if (done.has(migration.name)) continue
      // Multi-statement SQL without parameters runs as one simple query on both drivers.
      await tx.exec(migration.sql)
      await tx.query('insert into schema_migrations (name) values ($1)', [migration.name])
      applied.push(migration.name)
    }
    return applied
  })
}
