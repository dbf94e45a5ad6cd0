import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { migrations } from '../../src/server/db/migrations'
import { backends, freshDatabase } from '../support/databases'
import { storedRecords } from '../support/stored-plan'

/** Applies the migrations up to and including `last`, as `migrate` would have then. */
async function migrateUpTo(db: Database, last: string) {
  await db.exec('create table schema_migrations (name text primary key, applied_at timestamptz not null default now())')
  for (const migration of migrations.slice(0, migrations.findIndex((m) => m.name === last) + 1)) {
    await db.exec(migration.sql)
    await db.query('insert into schema_migrations (name) values ($1)', [migration.name])
  }
}

// A plan as 0008 held it: one owner role per theme, one lead role per action, one mitigation per risk, approvals.
const before0009 = /* sql */ `
insert into organisations (id, version, name, short_name, vision) values ('00000000-0000-4000-8000-000000000001', 1, 'Old Council', 'OC', 'v');
insert into plans (id, org_id, version, title, kind, period_start, period_end, version_label, status, review_date, approvals, source) values
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 2, 'Old plan', 'business-plan', '2020-04-01', '2024-03-31',
   '2020/24', 'approved', '2021-03-31', '[{"on": "2020-06-01", "by": "Joint Committee", "note": "Approved with changes"}]', 'old'),
  ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 3, 'Draft plan', 'service-plan', '2020-04-01', '2021-03-31',
   'v0', 'draft', null, '[]', 'old');
insert into themes (id, org_id, version, plan_id, title, outcome, rationale, owner_role, position) values
  ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001', 4, '00000000-0000-4000-8000-000000000002', 'Owned', 'o', 'r', 'Director of Children''s Services', 0),
  ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000001', 5, '00000000-0000-4000-8000-000000000002', 'Unowned', 'o', 'r', null, 1);
insert into actions (id, org_id, version, plan_id, theme_id, code, area_ids, description, lead_role, position) values
  ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000001', 6, '00000000-0000-4000-8000-000000000002',
   '00000000-0000-4000-8000-000000000004', 'K1', '[]', 'An old action', 'Head of Early Help', 0);
insert into risks (id, org_id, version, plan_id, description, likelihood, impact, mitigation, owner_role, action_ids) values
  ('00000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000000001', 7, '00000000-0000-4000-8000-000000000002',
   'An old risk', 3, 4, 'Recruit more social workers', 'Head of Service', '["00000000-0000-4000-8000-000000000006"]');
`

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
    for (const table of [
      'organisations',
      'org_values',
      'areas',
      'teams',
      'people',
      'accounts',
      'sessions',
      'plans',
      'themes',
      'actions',
      'milestones',
      'measures',
      'risks',
      'outcomes',
      'recommendations',
      'sections',
      'plan_imports',
      'assignments',
      'tombstones',
    ]) {
      expect(tables).toContain(table)
    }
  })
})

describe.each(backends)('migration 0009 on %s', (backend) => {
  it('carries an 0008 plan over: owners and leads become lists, a mitigation a list, approvals a document-control version', async () => {
    const db = await freshDatabase(backend, { migrated: false })
    try {
      await migrateUpTo(db, '0008-oidc-logins')
      await db.exec(before0009)
      expect(await migrate(db)).toEqual(migrations.map((m) => m.name).filter((name) => name >= '0009'))
      const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`
      const plans = await storedRecords(db, 'plan', 'org_id = $1 order by title', [id(1)])
      expect(plans.map((p) => [p.title, p.documentControl])).toEqual([
        ['Draft plan', { versions: [], notes: [], boards: [] }],
        [
          'Old plan',
          {
            versions: [
              { version: '2020/24', date: '2020-06-01', approvedBy: 'Joint Committee', note: 'Approved with changes' },
            ],
            notes: [],
            boards: [],
            reviewDate: '2021-03-31',
          },
        ],
      ])
      expect(plans.every((p) => p.succeedsPlanId === null && p.servesPlanIds.length === 0)).toBe(true)
      const themes = await storedRecords(db, 'theme', 'plan_id = $1', [id(2)])
      expect(themes.map((t) => [t.title, t.owners])).toEqual([
        ['Owned', [{ role: "Director of Children's Services" }]],
        ['Unowned', []],
      ])
      const [action] = await storedRecords(db, 'action', 'id = $1', [id(6)])
      expect(action).toMatchObject({
        code: 'K1',
        title: null,
        leads: [{ role: 'Head of Early Help' }],
        deadlineText: null,
        activities: [],
      })
      const [risk] = await storedRecords(db, 'risk', 'id = $1', [id(7)])
      expect(risk).toMatchObject({
        mitigations: ['Recruit more social workers'],
        owner: 'Head of Service',
        likelihood: 3,
        impact: 4,
        themeIds: [],
        actionIds: [id(6)],
      })
    } finally {
      await db.close()
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
    await first.query(
      `insert into organisations (id, version, name, short_name, vision) values (gen_random_uuid(), 1, 'Kept', 'K', 'v')`,
    )
    await first.close()
    const second = await openDatabase({ dataDir: dir })
    expect(await migrate(second)).toEqual([])
    expect(await second.query('select name from organisations')).toEqual([{ name: 'Kept' }])
    await second.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
