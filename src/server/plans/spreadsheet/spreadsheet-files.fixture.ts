import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import writeExcelFile, { type Cell } from 'write-excel-file/node'

/** The documented layout's header row, written out as a person would type it. */
export const layoutHeaders = [
  'Theme code',
  'Theme title',
  'Theme owners',
  'Action code',
  'Action title',
  'Action description',
  'Action leads',
  'Action deadline',
  'Action monitoring',
  'Milestone',
  'Milestone leads',
  'Milestone deadline',
  'Milestone monitoring',
]

const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`

/** A CSV as Excel writes one: every row on its own CRLF line. */
export function csvText(rows: string[][], headers: string[] = layoutHeaders): string {
  return [headers, ...rows].map((row) => row.map(quoted).join(',')).join('\r\n') + '\r\n'
}

export const csvBytes = (rows: string[][], headers?: string[]) => new TextEncoder().encode(csvText(rows, headers))

export type XlsxValue = string | number | boolean | Date | null
export interface XlsxSheet {
  sheet: string
  rows: XlsxValue[][]
}

/** A real XLSX, written by the same library as the template; dates as Excel date cells. */
export async function xlsxBytes(sheets: XlsxSheet[]): Promise<Uint8Array> {
  const cell = (value: XlsxValue): Cell => (value instanceof Date ? { value, format: 'dd/mm/yyyy' } : value)
  const buffer = await writeExcelFile(
    sheets.map(({ sheet, rows }) => ({ sheet, data: rows.map((row) => row.map(cell)) })),
  ).toBuffer()
  return new Uint8Array(buffer)
}

/** Changes one file inside an XLSX, to make what no spreadsheet program writes but an attacker can. */
export function rewriteXlsx(bytes: Uint8Array, path: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes)
  files[path] = strToU8(edit(strFromU8(files[path]!)))
  return zipSync(files)
}
