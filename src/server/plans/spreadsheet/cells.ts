import { saneYears, storable } from '../../../shared/pg-values'
import { spreadsheetLimits } from './limits'
import { problemAt, type Place, type SpreadsheetProblem } from './problems'

/**
 * A cell as this import reads it: its text, and a date where the cell is an XLSX date
 * (a CSV holds only text). An empty cell is `text: ''`.
 */
export interface Cell {
  text: string
  date?: string
}

/** One sheet: `rows[0]` is the spreadsheet's row 1. A CSV is one table with no sheet name. */
export interface Table {
  sheet?: string
  rows: Cell[][]
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "31 March 2017", as a British plan writes a date. */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  return `${day} ${months[(month ?? 1) - 1]} ${year}`
}

export const cellText = (text: string): Cell => ({ text: text.replace(/\r\n?/g, '\n').trim() })

/** What an XLSX reader gives for a cell, as text: a number as written, a date as a plan writes it. */
export function fromXlsxValue(value: unknown): Cell {
  if (value === null || value === undefined) return { text: '' }
  if (value instanceof Date) {
    const iso = value.toISOString().slice(0, 10)
    const year = value.getUTCFullYear()
    return year >= saneYears.min && year <= saneYears.max ? { text: longDate(iso), date: iso } : { text: iso }
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' }
  return cellText(String(value))
}

/** Why no cell may hold this text, whatever its column: too long, or a character PostgreSQL cannot hold. */
export function textRefusal(text: string): string | undefined {
  if (!storable(text)) return 'This text contains a character that cannot be saved (a NUL, or half of an emoji).'
  if (text.length <= spreadsheetLimits.cellCharacters) return undefined
  const most = spreadsheetLimits.cellCharacters.toLocaleString('en-GB')
  return `This text holds ${text.length.toLocaleString('en-GB')} characters; a cell may hold at most ${most}.`
}

export function cellProblems(cell: Cell, place: Place): SpreadsheetProblem[] {
  const refusal = textRefusal(cell.text)
  return refusal ? [problemAt(place, refusal)] : []
}

export const isBlankRow = (row: Cell[]) => row.every((cell) => cell.text === '')
