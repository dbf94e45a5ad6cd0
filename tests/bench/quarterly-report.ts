import { randomUUID } from 'node:crypto'
import { openDatabase } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import type { Evidence } from '../../src/shared/entities'
import { buildQuarterlyReport } from '../../src/shared/monitoring/quarterly-report'
import { monitoringRecordsOfSynthetic } from './dashboard-rollup'
import { round, timeWork, type Figure } from './report'

const bench = 'quarterly report'
/** The report screen opens, or a quarter is locked, without a wait anyone notices. */
export const reportGoalMs = 1000
const runs = 9
const quarter = '2022/23 Q3'
const today = '2022-11-15'
const evidencePerAction = 4

/**
 * The quarterly report of the synthetic plan (500 projects, 20,000 milestones), as the device
 * builds it offline: pure work on records in memory, with evidence across the year added.
 */
export async function benchQuarterlyReport(): Promise<{ figures: Figure[]; details: unknown }> {
  const db = await openDatabase({})
  try {
    await migrate(db)
    const records = await monitoringRecordsOfSynthetic(db)
    records.evidence = records.actions.flatMap((action) =>
      Array.from({ length: evidencePerAction }, (_, i): Evidence => {
        const madeAt = new Date(Date.UTC(2022, 3 + i * 3, 10, 10)).toISOString()
        return {
          id: randomUUID(),
          version: 1,
          actionId: action.id,
          milestoneId: null,
          note: 'Minutes of the review meeting, with the agreed next steps.',
          authorId: randomUUID(),
          madeAt,
          receivedAt: madeAt,
        }
      }),
    )
    const names = { people: {} }
    const {
      times,
      ms,
      result: report,
      runsInWords,
    } = timeWork(runs, () => buildQuarterlyReport(records, quarter, today, names), 2)
    const note = `${runsInWords}; ${records.actions.length} projects, ${records.milestones.length} milestones, ${records.progressUpdates.length} updates, ${records.evidence.length} evidence; Node, not a tablet`
    return {
      figures: [
        { bench, name: 'report of a plan', value: round(ms, 1), unit: 'ms', goalAtMost: reportGoalMs, note },
        {
          bench,
          name: 'report against its goal',
          value: round(ms / reportGoalMs, 3),
          unit: '×',
          goalAtMost: 1,
          note: `of the ${reportGoalMs} ms goal`,
        },
      ],
      details: {
        times: times.map((time) => round(time, 1)),
        milestonesDue: report?.milestones.due,
        exceptions: report?.exceptions.actions.length,
        evidenceInQuarter: report?.evidence.count,
        reportKB: report && round(JSON.stringify(report).length / 1024),
      },
    }
  } finally {
    await db.close()
  }
}
