import readExcelFile from 'read-excel-file/universal'
import { strFromU8, zipSync } from 'fflate'
import { fromXlsxValue, type Table } from './cells'
import { spreadsheetLimits } from './limits'
import { tooManyRows, tooWide, type SpreadsheetProblem } from './problems'
import { unzipBounded } from './unzip-bounded'

type Read = { tables: Table[] } | { problems: SpreadsheetProblem[] }

const notAWorkbook = (why: string): Read => ({
  problems: [{ message: `This file is not an XLSX workbook this import can read. ${why}` }],
})

const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0)

/**
 * The furthest row and column any cell of a sheet names. The reader makes every row as
 * wide as the widest, so one cell at XFD1048576 would cost billions of empty cells: a
 * sheet reaching past the limits is refused before it is read.
 */
function reach(xml: string): { rows: number; columns: number } {
  let rows = 0
  let columns = 0
  for (const match of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br="(\d+)"/g)) rows = Math.max(rows, Number(match[1]))
  for (const match of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"/g)) {
    columns = Math.max(columns, columnNumber(match[1]!))
    rows = Math.max(rows, Number(match[2]))
  }
  return { rows, columns }
}

/** Refusals for sheets that reach too far, by their file name (the reader later gives their names). */
function reachProblems(files: Record<string, Uint8Array>): SpreadsheetProblem[] {
  const problems: SpreadsheetProblem[] = []
  for (const [name, bytes] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue
    const { rows, columns } = reach(strFromU8(bytes))
    if (rows > spreadsheetLimits.rows + 1) problems.push(tooManyRows())
    if (columns > spreadsheetLimits.columns) problems.push(tooWide())
  }
  return problems
}

/**
 * Reads every sheet of an XLSX workbook into rows of cells. A formula cell reads as the
 * value the spreadsheet last showed for it; nothing is calculated. The zip is unpacked
 * here, within bounds, and handed to the reader re-packed without compression, so the
 * reader sees exactly the files that were checked.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Read> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    return notAWorkbook('If it is an older .xls file, open it in Excel and save it as .xlsx.')
  }
  const unzipped = unzipBounded(bytes, (name) => /\.(xml|rels)$/.test(name), {
    entries: spreadsheetLimits.zipEntries,
    bytes: spreadsheetLimits.unzippedBytes,
  })
  if ('refusal' in unzipped) return notAWorkbook(unzipped.refusal)
  const tooFar = reachProblems(unzipped.files)
  if (tooFar.length) return { problems: tooFar }
  const stored = zipSync(unzipped.files, { level: 0 })
  let sheets: { sheet: string; data: unknown[][] }[]
  try {
    sheets = await readExcelFile(stored.buffer as ArrayBuffer)
  } catch {
    return notAWorkbook('Its contents are damaged or not those of a spreadsheet.')
  }
  return { tables: sheets.map(({ sheet, data }) => ({ sheet, rows: data.map((row) => row.map(fromXlsxValue)) })) }
}
