import { spreadsheetLimits } from './limits'

/** One reason a spreadsheet is refused, with where it is, in the words a spreadsheet's author uses. */
export interface SpreadsheetProblem {
  /** The sheet, in a workbook; absent for a CSV and for the caller's options. */
  sheet?: string
  /** The row as the spreadsheet numbers it: the header is row 1. */
  row?: number
  /** The column's header ("Milestone deadline"), or its letter where it has none. */
  column?: string
  /** The cell's address, "F12". */
  cell?: string
  /** Where in the plan document the value goes, "themes[0].owners[1].role". */
  path?: string
  message: string
}

/** A cell of a sheet: `row` as the spreadsheet numbers it, `column` counted from 0. */
export interface Place {
  sheet?: string
  row: number
  column: number
  header?: string
}

/** "A" for the first column, "AB" for the 28th, as spreadsheets name them. */
export function columnLetters(column: number): string {
  let letters = ''
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

export function problemAt(place: Place, message: string, path?: string): SpreadsheetProblem {
  return {
    ...(place.sheet ? { sheet: place.sheet } : {}),
    row: place.row,
    column: place.header ?? columnLetters(place.column),
    cell: `${columnLetters(place.column)}${place.row}`,
    ...(path ? { path } : {}),
    message,
  }
}

/** Writes a document path the way a person reads it: themes[0].owners[1].role. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('')
}

/** Every problem, up to the limit, then one line saying how many more there were. */
export function capProblems(problems: SpreadsheetProblem[], limit: number): SpreadsheetProblem[] {
  if (problems.length <= limit) return problems
  const more = problems.length - limit
  return [
    ...problems.slice(0, limit),
    { message: `…and ${more} more problem${more === 1 ? '' : 's'}. Fix these first.` },
  ]
}

export const tooManyRows = (): SpreadsheetProblem => ({
  message: `A sheet has more than ${spreadsheetLimits.rows.toLocaleString('en-GB')} rows below its header, the most one import takes.`,
})

export const tooWide = (): SpreadsheetProblem => ({
  message: `A sheet has cells beyond column ${columnLetters(spreadsheetLimits.columns - 1)}; this import reads sheets no wider than that.`,
})
