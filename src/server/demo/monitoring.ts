import type { Database } from '../db/database'
import { rowToRecord } from '../db/tables'
import { personSchema } from '../../shared/entities'
import { quarterOf } from '../../shared/sync/quarter'
import type { Viewer } from '../auth/viewer'
import { pushDemoChanges, type DemoChange } from './demo-push'
import figures from './monitoring.json' with { type: 'json' }

const day = 24 * 60 * 60 * 1000

/**
 * A moment in each of the `count` reporting quarters completed before `now`, oldest first:
 * the last day of each, at ten in the morning, so a rating falls in the quarter it is for.
 */
export function completedQuarters(now: Date, count: number): string[] {
  const firstMonthOfThis = Math.floor(now.getUTCMonth() / 3) * 3
  return Array.from({ length: count }, (_, i) => {
    const nextStart = Date.UTC(now.getUTCFullYear(), firstMonthOfThis - 3 * (count - 1 - i), 1, 10)
    return new Date(nextStart - day).toISOString()
  })
}

async function adminOf(db: Database, shortName: string): Promise<Viewer> {
  const [row] = await db.query<{ data: Record<string, unknown>; org_id: string }>(
    `select to_jsonb(p) as data, p.org_id from people p join organisations o on o.id = p.org_id
      where o.short_name = $1 and p.role = 'admin' order by p.name limit 1`,
    [shortName],
  )
  if (!row) throw new Error(`The demo has no plan admin in ${shortName}.`)
  return { person: personSchema.parse(rowToRecord(row.data)), orgId: row.org_id, email: '' }
}

async function idByKey(db: Database, table: 'measures' | 'risks', orgId: string, key: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(`select id from ${table} where org_id = $1 and import_key = $2`, [
    orgId,
    key,
  ])
  if (!row) throw new Error(`Demo figures name "${key}", which is not in the organisation's ${table}.`)
  return row.id
}

/**
 * Two quarters of figures on Achieving for Children's and Royal Greenwich's measures and
 * two quarters of ratings of RBWM's risks (monitoring.json), recorded by each organisation's
 * plan admin as `measure.actual` and `risk.assess` changes dated in the last two completed
 * quarters, so the dashboard and the quarterly report show figures, movement and trend at once.
 * Every figure's and rating's note says it is made up: the plans give none.
 */
export async function seedDemoMonitoring(db: Database, now = new Date()): Promise<void> {
  const byOrganisation = new Map<string, DemoChange[]>()
  const add = (organisation: string, change: DemoChange) =>
    byOrganisation.set(organisation, [...(byOrganisation.get(organisation) ?? []), change])
  const admins = new Map<string, Viewer>()
  for (const organisation of new Set([...figures.measures, ...figures.risks].map((f) => f.organisation)))
    admins.set(organisation, await adminOf(db, organisation))

  for (const measure of figures.measures) {
    const measureId = await idByKey(db, 'measures', admins.get(measure.organisation)!.orgId, measure.measure)
    const at = completedQuarters(now, measure.quarters.length)
    measure.quarters.forEach((figure, i) =>
      add(measure.organisation, {
        madeAt: at[i]!,
        kind: 'measure.actual',
        data: { measureId, period: quarterOf(at[i]!), ...figure, source: 'Made up for the demo' },
      }),
    )
  }
  for (const risk of figures.risks) {
    const riskId = await idByKey(db, 'risks', admins.get(risk.organisation)!.orgId, risk.risk)
    const at = completedQuarters(now, risk.quarters.length)
    risk.quarters.forEach((rating, i) =>
      add(risk.organisation, {
        madeAt: at[i]!,
        kind: 'risk.assess',
        data: { riskId, ...rating, note: figures.riskNote },
      }),
    )
  }
  for (const [organisation, changes] of byOrganisation) await pushDemoChanges(db, admins.get(organisation)!, changes)
}
