import { randomUUID } from 'node:crypto'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { createOrganisation } from '../../src/server/demo/seed'
import { importPlan } from '../../src/server/plans/import/import-plan'
import { fivePlanDocuments } from './five-plans'
import { sharedPostgres } from './postgres-demo'
import { median, round, type Figure } from './report'

const runs = 5

interface PlanDocumentHead {
  plan: { key: string; title: string; succeeds?: string; serves?: { plans: string[] } }
}

/** The largest of the five documents by size, and the ones it names as its predecessor or parent (imported first, untimed). */
function largestDocument() {
  const documents = fivePlanDocuments as PlanDocumentHead[]
  const sized = documents.map((document) => ({ document, bytes: JSON.stringify(document).length }))
  const { document, bytes } = sized.reduce((a, b) => (b.bytes > a.bytes ? b : a))
  const named = new Set([document.plan.succeeds, ...(document.plan.serves?.plans ?? [])])
  return { document, bytes, before: documents.filter((other) => named.has(other.plan.key)) }
}

async function timeImports(db: Database, document: unknown, before: unknown[]) {
  const first: number[] = []
  const again: number[] = []
  let records = 0
  for (let i = 0; i < runs; i++) {
    const orgId = await db.transaction(async (tx) => {
      const id = await createOrganisation(tx, `Import bench ${i + 1}`, `IB${i + 1}`)
      for (const earlier of before)
        await importPlan(tx, { orgId: id, document: earlier, importedBy: null, dryRun: false })
      return id
    })
    let start = performance.now()
    const created = await db.transaction((tx) => importPlan(tx, { orgId, document, importedBy: null, dryRun: false }))
    first.push(performance.now() - start)
    records = created.created.length
    start = performance.now()
    const repeated = await db.transaction((tx) => importPlan(tx, { orgId, document, importedBy: null, dryRun: false }))
    again.push(performance.now() - start)
    if (repeated.created.length || repeated.changed.length)
      throw new Error('Importing the same document again changed something')
  }
  return { first, again, records }
}

/**
 * The largest real plan imported through `importPlan` into a fresh organisation, then the
 * same document again (which must change nothing), on PGlite and on real PostgreSQL.
 */
export async function benchPlanImport(): Promise<{ figures: Figure[]; details: unknown }> {
  const { document, bytes, before } = largestDocument()
  const title = document.plan.title
  const first = before.length ? `, after ${before.map((d) => d.plan.title).join(' and ')}, which it names` : ''
  const pglite = await openDatabase({})
  const pg = await sharedPostgres()
  const postgres = await openDatabase({ url: await pg.createDatabase(`bench_${randomUUID().replaceAll('-', '')}`) })
  try {
    const results: [string, Awaited<ReturnType<typeof timeImports>>][] = []
    for (const [name, db] of [
      ['PGlite', pglite],
      ['PostgreSQL', postgres],
    ] as const) {
      await migrate(db)
      results.push([name, await timeImports(db, document, before)])
    }
    const bench = 'Plan import, largest seed'
    const figures = results.flatMap(([name, r]): Figure[] => [
      {
        bench,
        name: `Import into a fresh organisation on ${name}, median of ${runs}`,
        value: median(r.first),
        unit: 'ms',
        note: `${title}${first}: ${round(bytes / 1000)} KB, ${r.records} records; runs ${r.first.map((t) => Math.round(t)).join(', ')}`,
      },
      {
        bench,
        name: `Re-import unchanged on ${name}, median of ${runs}`,
        value: median(r.again),
        unit: 'ms',
        note: `nothing written; ${round(median(r.again) / median(r.first), 2)}× the first import; runs ${r.again.map((t) => Math.round(t)).join(', ')}`,
      },
    ])
    return { figures, details: { document: title, bytes, results: Object.fromEntries(results) } }
  } finally {
    await pglite.close()
    await postgres.close()
  }
}
