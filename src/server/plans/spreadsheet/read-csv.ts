import { CsvError, parse } from 'csv-parse/sync'
import { cellText, type Table } from './cells'
import { spreadsheetLimits } from './limits'
import { tooManyRows, tooWide, type SpreadsheetProblem } from './problems'

type Read = { table: Table } | { problems: SpreadsheetProblem[] }

const saveAsUtf8 = 'In Excel, choose Save As and "CSV UTF-8 (Comma delimited)".'

/** Text as UTF-8, with or without the byte-order mark Excel writes; anything else is refused rather than guessed at. */
function decode(bytes: Uint8Array): string | SpreadsheetProblem {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { message: `This file is UTF-16 text; this import reads CSV files saved as UTF-8. ${saveAsUtf8}` }
  }
  try {
    // `fatal` refuses bytes that are not UTF-8 (a Windows-1252 file, an encoded lone
    // surrogate) instead of replacing them.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return { message: `This file is not UTF-8 text. ${saveAsUtf8}` }
  }
}

function csvProblem(error: CsvError): SpreadsheetProblem {
  const row = (error as CsvError & { records?: number }).records
  const at = typeof row === 'number' ? { row: row + 1 } : {}
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return { ...at, message: 'A quoted cell starting in this row is never closed: a " is missing.' }
  // With quotes relaxed no other refusal is known to reach here; the code still says which, should one.
  return { ...at, message: `This file could not be read as CSV (${error.code}).` }
}

/** Reads a CSV file (the Plan items sheet alone) into rows of cells, as a spreadsheet opening it would show them. */
export function readCsv(bytes: Uint8Array): Read {
  const text = decode(bytes)
  if (typeof text !== 'string') return { problems: [text] }
  let records: string[][]
  try {
    // Quotes inside an unquoted cell are read as Excel reads them, as text. One record past
    // the limit is enough to know the file holds too many.
    records = parse(text, { relax_column_count: true, relax_quotes: true, to: spreadsheetLimits.rows + 2 })
  } catch (error) {
    if (error instanceof CsvError) return { problems: [csvProblem(error)] }
    throw error
  }
  if (records.length > spreadsheetLimits.rows + 1) return { problems: [tooManyRows()] }
  // Excel pads every row to the width of the widest: empty cells past the limit are no matter.
  if (records.some((record) => record.slice(spreadsheetLimits.columns).some((cell) => cell.trim()))) {
    return { problems: [tooWide()] }
  }
  return { table: { rows: records.map((record) => record.map(cellText)) } }
}
