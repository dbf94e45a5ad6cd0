import { randomUUID } from 'node:crypto'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { rowToRecord } from '../../src/server/db/tables'
import { seededRandom } from '../../src/server/demo/seeded-random'
import type { Action, Measure, Milestone, ProgressUpdate, Rag, Risk } from '../../src/shared/entities'
import type { MonitoringRecords } from '../../src/shared/monitoring/monitoring-records'
import { rollUp } from '../../src/shared/monitoring/rollup'
import { round, timeWork, type Figure } from './report'
import { createSyntheticPlan } from './synthetic-plan'

const bench = 'dashboard roll-up'
/** One frame at 60 Hz: the dashboard redraws when a sync lands, and should not drop one. */
export const rollupGoalMs = 16
const runs = 25
const quarter = '2022/23 Q3'
const today = '2022-11-15'
const updatesPerAction = 8

async function recordsOf<T>(db: Database, table: string, where: string, planId: string): Promise<T[]> {
  const rows = await db.query<{ row: Record<string, unknown> }>(
    `select to_jsonb(t) as row from ${table} t where ${where}`,
    [planId],
  )
  return rows.map(({ row }) => rowToRecord(row) as T)
}

/**
 * The synthetic plan (500 projects, 20,000 milestones) read back from the database, with
 * what it lacks for monitoring added: quarterly updates on every project, measure figures,
 * residual ratings on half the risks and completion times on complete milestones.
 */
export async function monitoringRecordsOfSynthetic(db: Database): Promise<MonitoringRecords> {
  const { planId } = await createSyntheticPlan(db)
  const [plan] = await recordsOf<MonitoringRecords['plan']>(db, 'plans', 'id = $1', planId)
  const themes = await recordsOf<MonitoringRecords['themes'][number]>(db, 'themes', 'plan_id = $1', planId)
  const actions = await recordsOf<Action>(db, 'actions', 'plan_id = $1', planId)
  const milestones = await recordsOf<Milestone>(
    db,
    'milestones',
    'action_id in (select id from actions where plan_id = $1)',
    planId,
  )
  const measures = await recordsOf<Measure>(db, 'measures', 'plan_id = $1', planId)
  const risks = await recordsOf<Risk>(db, 'risks', 'plan_id = $1', planId)
  const random = seededRandom(12)
  const rags: Rag[] = ['green', 'green', 'amber', 'red']
  const progressUpdates = actions.flatMap((action) =>
    Array.from({ length: updatesPerAction }, (_, i): ProgressUpdate => {
      const madeAt = new Date(Date.UTC(2021, i * 3, 1 + Math.floor(random() * 28), 10)).toISOString()
      return {
        id: randomUUID(),
        version: 1,
        actionId: action.id,
        period: `Quarter ${i + 1}`,
        rag: rags[Math.floor(random() * rags.length)]!,
        commentary: 'Progress as planned, with the next steps agreed at the board.',
        authorId: randomUUID(),
        madeAt,
        receivedAt: madeAt,
      }
    }),
  )
  for (const milestone of milestones) {
    if (milestone.status === 'complete' && milestone.dueDate) {
      milestone.statusSetAt = new Date(Date.parse(milestone.dueDate) + (random() - 0.7) * 30 * 86_400_000).toISOString()
    }
  }
  for (const measure of measures) {
    measure.actuals = ['2021/22', '2022/23'].map((period) => ({
      period,
      value: Math.floor(random() * 100),
    })) as Measure['actuals']
  }
  risks.forEach((risk, i) => {
    if (i % 2) Object.assign(risk, { residualLikelihood: 1 + (i % 5), residualImpact: 1 + ((i * 3) % 5) })
  })
  return { plan: plan!, themes, actions, milestones, measures, risks, progressUpdates, evidence: [] }
}

/** The dashboard's roll-up of a large plan, as the device works it out: pure work on records in memory. */
export async function benchDashboardRollup(): Promise<{ figures: Figure[]; details: unknown }> {
  const db = await openDatabase({})
  try {
    await migrate(db)
    const records = await monitoringRecordsOfSynthetic(db)
    const { times, ms, result: rollup, runsInWords } = timeWork(runs, () => rollUp(records, quarter, today))
    const note = `${runsInWords}; ${records.actions.length} projects, ${records.milestones.length} milestones, ${records.progressUpdates.length} updates, ${records.measures.length} measures, ${records.risks.length} risks; Node, not a tablet`
    return {
      figures: [
        { bench, name: 'roll-up of a plan', value: round(ms, 2), unit: 'ms', goalAtMost: rollupGoalMs, note },
        {
          bench,
          name: 'roll-up against one frame',
          value: round(ms / rollupGoalMs, 2),
          unit: '×',
          goalAtMost: 1,
          note: `of the ${rollupGoalMs} ms goal`,
        },
      ],
      details: {
        times: times.map((time) => round(time, 2)),
        milestonesDue: rollup?.milestones,
        actionsByRag: rollup?.actionsByRag,
      },
    }
  } finally {
    await db.close()
  }
}
