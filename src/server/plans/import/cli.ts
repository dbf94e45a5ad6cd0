/**
 * `npm run import -- FILE [--organisation SHORTNAME] [--dry-run] [--plan FIELD=VALUE …]`:
 * imports a plan document (.json) or spreadsheet (.csv, .xlsx) into an existing
 * organisation, on the database the server uses (DATABASE_URL, else the PGlite data
 * folder under DATA_DIR, as src/server/main.ts). `--plan` gives the plan's fields a
 * spreadsheet cannot say (a CSV has no Plan sheet): `--plan title="…" --plan kind=improvement-plan`.
 * Stop a server using the same PGlite folder first: PGlite serves one process at a time.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openDatabase, type Queryable } from '../../db/database'
import { migrate } from '../../db/migrate'
import { ImportRefused } from './document-checks'
import { importPlan } from './import-plan'
import { fileFormatOf, planDocumentOf, type IncomingPlan } from './incoming'
import { problemsText, summaryText } from './summary-text'

class Usage extends Error {}

const usage = 'Usage: npm run import -- FILE [--organisation SHORTNAME] [--dry-run] [--plan FIELD=VALUE …]'

function commandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        organisation: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        plan: { type: 'string', multiple: true, default: [] },
      },
    })
  } catch (error) {
    throw new Usage(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
  }
}

async function incomingFrom(file: string, planFields: string[]): Promise<IncomingPlan> {
  const format = fileFormatOf(file)
  if (!format) throw new Usage(`${file} is not a .json, .csv or .xlsx file.`)
  const bytes = await readFile(file)
  if (format === 'json') {
    try {
      return { document: JSON.parse(bytes.toString('utf8')) }
    } catch (error) {
      throw new Usage(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const plan = Object.fromEntries(
    planFields.map((pair) => {
      const at = pair.indexOf('=')
      if (at < 1)
        throw new Usage(`--plan takes FIELD=VALUE, such as --plan title="Children's Services Plan"; not "${pair}".`)
      return [pair.slice(0, at), pair.slice(at + 1)]
    }),
  )
  return { spreadsheet: { format, bytes: new Uint8Array(bytes), plan } }
}

/** The organisation by its short name, or the only one there is. */
async function organisationId(db: Queryable, shortName: string | undefined): Promise<string> {
  const rows = await db.query<{ id: string; short_name: string }>(
    'select id, short_name from organisations order by short_name',
  )
  const names = rows.map((row) => row.short_name).join(', ') || 'none'
  if (shortName === undefined) {
    if (rows.length === 1) return rows[0]!.id
    throw new Usage(`Name the organisation with --organisation SHORTNAME. The organisations are: ${names}.`)
  }
  const found = rows.filter((row) => row.short_name.toLowerCase() === shortName.toLowerCase())
  if (found.length !== 1)
    throw new Usage(`There is no organisation with the short name "${shortName}". The organisations are: ${names}.`)
  return found[0]!.id
}

async function main(): Promise<number> {
  const { values, positionals } = commandLine()
  const [file, ...rest] = positionals
  if (!file || rest.length) throw new Usage(usage)
  const incoming = await incomingFrom(file, values.plan)
  const root = fileURLToPath(new URL('../../../..', import.meta.url))
  const db = await openDatabase({
    url: process.env.DATABASE_URL,
    dataDir: `${process.env.DATA_DIR ?? `${root}data`}/pglite`,
  })
  try {
    await migrate(db)
    const orgId = await organisationId(db, values.organisation)
    const document = await planDocumentOf(incoming)
    const dryRun = values['dry-run']
    const summary = await db.transaction((tx) => importPlan(tx, { orgId, document, importedBy: null, dryRun }))
    console.log(summaryText(summary, dryRun))
    return 0
  } finally {
    await db.close()
  }
}

try {
  process.exitCode = await main()
} catch (error) {
  if (error instanceof ImportRefused) {
    console.error(problemsText(error.problems))
    process.exitCode = 1
  } else if (error instanceof Usage) {
    console.error(error.message)
    process.exitCode = 2
  } else throw error
}
