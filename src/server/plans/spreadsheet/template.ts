import writeExcelFile, { type Row } from 'write-excel-file/node'
import { howToSheet, itemColumns, itemsSheet, planFields, planSheet, planSheetHeaders } from './columns'
import type { SpreadsheetFormat } from './parse'

export interface SpreadsheetTemplate {
  bytes: Uint8Array
  contentType: string
  fileName: string
}

const exampleSource =
  "the Royal Borough of Windsor and Maidenhead's Children's Services Business Plan 2017-2018 (Theme 1, action 1)"

/** The rules of the layout in plain words; the columns' own help follows them. */
const howTo = [
  `The "${itemsSheet}" sheet holds the plan's themes, actions and milestones: one row for each milestone, and one row for each action that has no milestone (leave its milestone cells blank).`,
  "Fill a theme's cells on the row where the theme begins. The rows below it may leave them blank: they belong to that theme until another theme begins. If a row repeats them, they must be the same. An action's cells work the same way, within its theme.",
  'Separate several leads or owners with semicolons. A person may follow a role after a colon: "Head of Early Help: Sam Jones".',
  'Write deadlines as the plan writes them, such as "March 2017 and ongoing". The last month and year named is read as the date (the end of that month; a day before the month is kept); a deadline naming no month and year is kept as text only.',
  `Row 2 of "${itemsSheet}" is an example, from ${exampleSource}: replace it with your plan's rows.`,
  `The "${planSheet}" sheet holds the plan's own fields, one a row: write each value beside its field.`,
  'Optional columns may be left out. Add no other columns or sheets, and keep the headers as they are: the import refuses what it does not know, and lists every problem with its sheet, row and column.',
]

const bold = (value: string) => ({ value, fontWeight: 'bold' as const, wrap: true })
const wrapped = (value: string) => ({ value, wrap: true })

async function xlsxTemplate(): Promise<Uint8Array> {
  const itemRows: Row[] = [
    itemColumns.map((c) => bold(c.header)),
    itemColumns.map((c) => (c.example ? wrapped(c.example) : null)),
  ]
  const planRows: Row[] = [planSheetHeaders.map(bold), ...planFields.map((f) => [f.label, null])]
  const howToRows: Row[] = [
    [bold('How to fill this in'), null],
    ...howTo.map((line) => [wrapped(line), null]),
    [null, null],
    [bold(`Column of "${itemsSheet}"`), bold('What to write')],
    ...itemColumns.map((c) => [c.header, wrapped(c.help)]),
    [null, null],
    [bold(`Field of "${planSheet}"`), bold('What to write')],
    ...planFields.map((f) => [f.label, wrapped(f.help)]),
  ]
  const buffer = await writeExcelFile([
    { sheet: itemsSheet, data: itemRows, columns: itemColumns.map(() => ({ width: 28 })), stickyRowsCount: 1 },
    { sheet: planSheet, data: planRows, columns: [{ width: 16 }, { width: 60 }], stickyRowsCount: 1 },
    { sheet: howToSheet, data: howToRows, columns: [{ width: 80 }, { width: 80 }] },
  ]).toBuffer()
  return new Uint8Array(buffer)
}

/** The header row alone, with the byte-order mark that makes Excel open (and save) the file as UTF-8. */
function csvTemplate(): Uint8Array {
  return new TextEncoder().encode(`\ufeff${itemColumns.map((c) => c.header).join(',')}\r\n`)
}

/** A blank plan spreadsheet to download, made from the same layout the parser reads. Nothing in it is a formula. */
export async function planSpreadsheetTemplate(format: SpreadsheetFormat): Promise<SpreadsheetTemplate> {
  if (format === 'csv')
    return { bytes: csvTemplate(), contentType: 'text/csv; charset=utf-8', fileName: 'plan-template.csv' }
  return {
    bytes: await xlsxTemplate(),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: 'plan-template.xlsx',
  }
}
