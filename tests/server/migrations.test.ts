import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { migrations } from '../../src/server/db/migrations'
import { backends, freshDatabase } from '../support/databases'

describe.each(backends)('migrations on %s', (backend) => {
  const opened: Database[] = []
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()))
  })

  it('applies every migration once; a second start applies none', async () => {
    const db = await freshDatabase(backend)
    opened.push(db)
    expect(await migrate(db)).toEqual([])
    const rows = await db.query<{ name: string }>('select name from schema_migrations order by name')
    expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name))
  })

  it('creates every table of the domain', async () => {
    const db = await freshDatabase(backend)
    opened.push(db)
    const rows = await db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public'",
    )
    const tables = rows.map((r) => r.table_name)
    for (const table of ['organisations', 'org_values', 'areas', 'teams', 'people', 'accounts', 'sessions', 'plans', 'themes', 'actions', 'milestones', 'measures', 'risks', 'assignments', 'tombstones']) {
      expect(tables).toContain(table)
    }
  })
})

describe('migrations on a data folder', () => {
  it('keeps data across restarts of the embedded database', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'gt-pglite-'))
    const first = await openDatabase({ dataDir: dir })
    expect(await migrate(first)).toEqual(migrations.map((m) => m.name))
    await first.query(`insert into organisations (id, version, name, short_name, vision) values (gen_random_uuid(), 1, 'Kept', 'K', 'v')`)
    await first.close()
    const second = await openDatabase({ dataDir: dir })
    expect(await migrate(second)).toEqual([])
    expect(await second.query('select name from organisations')).toEqual([{ name: 'Kept' }])
    await second.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
