import { planDocumentSchema, type PlanDocument } from '../../../shared/plans/plan-document'
import { isBlankRow, type Table } from './cells'
import { headerForm, howToSheet, itemsSheet, planSheet } from './columns'
import { readHeader } from './header'
import { readItems } from './items'
import { spreadsheetLimits } from './limits'
import { Origins } from './origins'
import { readPlanFields, readPlanOptions, type PlanOptions } from './plan-fields'
import { capProblems, formatPath, problemAt, type SpreadsheetProblem } from './problems'
import { readCsv } from './read-csv'
import { readXlsx } from './read-xlsx'

export type SpreadsheetFormat = 'csv' | 'xlsx'
export interface ParseOptions {
  format: SpreadsheetFormat
  /** The plan's fields; a CSV's must all come from here, an XLSX's may come from its Plan sheet instead. */
  plan?: PlanOptions
}
/** Either the whole document, checked by the shared schema, or every reason it was refused, and nothing else. */
export type ParseResult = { document: PlanDocument } | { problems: SpreadsheetProblem[] }

interface Sheets {
  items?: Table
  plan?: Table
}

/** The workbook's sheets by the names the layout gives them; any other sheet is refused rather than ignored. */
function pickSheets(tables: Table[], problems: SpreadsheetProblem[]): Sheets {
  const sheets: Sheets = {}
  const named = (name: string, table: Table) => headerForm(table.sheet ?? '') === headerForm(name)
  for (const table of tables) {
    if (named(itemsSheet, table)) sheets.items = table
    else if (named(planSheet, table)) sheets.plan = table
    else if (!named(howToSheet, table)) {
      const message = `This workbook has a sheet "${table.sheet}"; the import reads only the sheets "${itemsSheet}" and "${planSheet}" (and passes over "${howToSheet}"). Remove the sheet or move its rows.`
      problems.push({ sheet: table.sheet, message })
    }
  }
  if (!sheets.items)
    problems.push({
      message: `This workbook has no sheet named "${itemsSheet}": its themes, actions and milestones go there.`,
    })
  return sheets
}

/** The file's sheets, or why the file cannot be read at all (then nothing in it is looked at further). */
async function readSheets(
  bytes: Uint8Array,
  format: SpreadsheetFormat,
  problems: SpreadsheetProblem[],
): Promise<Sheets | undefined> {
  const read = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes)
  if ('problems' in read) {
    problems.push(...read.problems)
    return undefined
  }
  return 'table' in read ? { items: read.table } : pickSheets(read.tables, problems)
}

/**
 * Reads a plan spreadsheet, CSV or XLSX, into a plan document (format version 2). Every
 * problem is reported at once, with its sheet, row, column and the document path it
 * concerns; a spreadsheet with any problem gives no document. The same bytes and options
 * always give the same document, keys included.
 */
export async function parsePlanSpreadsheet(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  if (bytes.length === 0) return { problems: [{ message: 'The file is empty.' }] }
  if (bytes.length > spreadsheetLimits.bytes) {
    const most = Math.round(spreadsheetLimits.bytes / 1024 / 1024)
    return { problems: [{ message: `The file is larger than ${most} MB, the most one import takes.` }] }
  }
  const problems: SpreadsheetProblem[] = []
  const planOptions = readPlanOptions(options.plan, problems)
  const sheets = await readSheets(bytes, options.format, problems)
  if (!sheets) return { problems }
  const origins = new Origins()
  const plan = readPlanFields(sheets.plan, planOptions, options.format, origins, problems)
  const items = sheets.items ? readItemsSheet(sheets.items, origins, problems) : undefined
  if (problems.length || !items) return { problems: capProblems(problems, spreadsheetLimits.problems) }

  const checked = planDocumentSchema.safeParse({ format: 'golden-thread/plan@2', plan, ...items })
  if (checked.success) return { document: checked.data }
  const refused = checked.error.issues.map((issue) => {
    const path = formatPath(issue.path)
    const place = origins.find(path)
    return place ? problemAt(place, issue.message, path) : { path, message: issue.message }
  })
  return { problems: capProblems(refused, spreadsheetLimits.problems) }
}

function readItemsSheet(table: Table, origins: Origins, problems: SpreadsheetProblem[]) {
  const columns = readHeader(table, problems)
  if (![...columns.values()].includes('themeTitle')) return undefined
  if (table.rows.slice(1).every(isBlankRow)) {
    problems.push({
      ...(table.sheet ? { sheet: table.sheet } : {}),
      message: 'There are no rows below the header: a plan has at least one theme.',
    })
    return undefined
  }
  return readItems(table, columns, origins, problems)
}
