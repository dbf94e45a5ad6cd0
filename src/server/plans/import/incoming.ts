import type { ImportProblem } from '../../../shared/plans/import-summary'
import { parsePlanSpreadsheet, type PlanOptions, type SpreadsheetFormat, type SpreadsheetProblem } from '../spreadsheet'
import { ImportRefused } from './document-checks'

/**
 * What an import is given, by the API and the command line alike: a plan document as it
 * is, or a spreadsheet with the plan's fields it cannot say (a CSV has no Plan sheet).
 */
export type IncomingPlan =
  { document: unknown } | { spreadsheet: { format: SpreadsheetFormat; bytes: Uint8Array; plan?: unknown } }

/** Where a spreadsheet's problem is, as one line: "Plan items, row 5, Milestone deadline (F5), themes[0].title". */
export function spreadsheetProblemPath(problem: SpreadsheetProblem): string {
  const parts = [
    problem.sheet,
    problem.row === undefined ? undefined : `row ${problem.row}`,
    problem.column === undefined ? undefined : problem.cell ? `${problem.column} (${problem.cell})` : problem.column,
    problem.path,
  ].filter((part): part is string => Boolean(part))
  return parts.length ? parts.join(', ') : '(the file)'
}

/** The plan document an import is given, read from a spreadsheet where need be; a spreadsheet's problems refuse it. */
export async function planDocumentOf(incoming: IncomingPlan): Promise<unknown> {
  if ('document' in incoming) return incoming.document
  const { format, bytes, plan } = incoming.spreadsheet
  // The reader checks the plan's fields one by one and reports each it refuses.
  const parsed = await parsePlanSpreadsheet(bytes, { format, plan: plan as PlanOptions | undefined })
  if ('document' in parsed) return parsed.document
  throw new ImportRefused(
    parsed.problems.map((problem): ImportProblem => ({
      path: spreadsheetProblemPath(problem),
      message: problem.message,
    })),
  )
}

/** What a file's name says it holds: a plan document, or a spreadsheet in one of its forms. */
export function fileFormatOf(fileName: string): SpreadsheetFormat | 'json' | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return extension === 'csv' || extension === 'xlsx' || extension === 'json' ? extension : undefined
}
