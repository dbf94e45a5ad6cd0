import { randomUUID } from 'node:crypto'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { insertRecords } from '../../src/server/db/tables'
import { createOrganisation } from '../../src/server/demo/seed'
import { importPlan } from '../../src/server/plans/import/import-plan'
import { refreshPlan } from '../../src/server/plans/lifecycle/refresh'
import rbwmPlan from '../../src/server/demo/plans/002-rbwm-childrens-services-business-plan-2017-18.json' with { type: 'json' }
import { sharedPostgres } from './postgres-demo'
import { median, type Figure } from './report'

const runs = 5

// The largest demo plan by records: RBWM's (8 themes, 26 actions, 65 milestones, risks, a measure, 10 sections).
async function timeRefreshes(db: Database) {
  const times: number[] = []
  let records = 0
  for (let i = 0; i < runs; i++) {
    const { orgId, planId, personId } = await db.transaction(async (tx) => {
      const orgId = await createOrganisation(tx, `Refresh bench ${i + 1}`, `RB${i + 1}`)
      await importPlan(tx, { orgId, document: rbwmPlan, importedBy: null, dryRun: false })
      const [plan] = await tx.query<{ id: string }>('select id from plans where org_id = $1', [orgId])
      const personId = randomUUID()
      await insertRecords(tx, 'people', [
        {
          id: personId,
          orgId,
          version: 0,
          name: 'Plan admin',
          jobTitle: 'Admin',
          role: 'admin',
          teamIds: [],
          managesTeamIds: [],
        },
      ])
      return { orgId, planId: plan!.id, personId }
    })
    const start = performance.now()
    const result = await db.transaction((tx) => refreshPlan(tx, orgId, planId, { personId, deviceKind: null }))
    times.push(performance.now() - start)
    records = Object.values(result.carried).reduce((a, b) => a + b, 1)
  }
  return { times, records }
}

/** Starting next year's version of the largest demo plan (POST /api/plans/:id/refresh's work), on PGlite and PostgreSQL. */
export async function benchPlanRefresh(): Promise<{ figures: Figure[]; details: unknown }> {
  const pglite = await openDatabase({})
  const pg = await sharedPostgres()
  const postgres = await openDatabase({ url: await pg.createDatabase(`bench_${randomUUID().replaceAll('-', '')}`) })
  try {
    const results: [string, Awaited<ReturnType<typeof timeRefreshes>>][] = []
    for (const [name, db] of [
      ['PGlite', pglite],
      ['PostgreSQL', postgres],
    ] as const) {
      await migrate(db)
      results.push([name, await timeRefreshes(db)])
    }
    const figures = results.map(([name, r]): Figure => ({
      bench: 'Annual refresh, largest demo plan',
      name: `Next year’s version of RBWM’s plan on ${name}, median of ${runs}`,
      value: median(r.times),
      unit: 'ms',
      note: `${r.records} records made; runs ${r.times.map((t) => Math.round(t)).join(', ')}`,
    }))
    return { figures, details: Object.fromEntries(results) }
  } finally {
    await pglite.close()
    await postgres.close()
  }
}
