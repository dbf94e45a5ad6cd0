import type { Cell, Table } from './cells'
import { headerForm, itemColumns, type ItemColumnId } from './columns'
import { columnLetters, problemAt, type SpreadsheetProblem } from './problems'

/** The columns a sheet's header row names: the layout's id at each column's index, null where the header is refused. */
export type ColumnMap = Map<number, ItemColumnId | null>

const headers = itemColumns.map((column) => column.header).join(', ')

/**
 * Reads the header row (row 1). Every header must be one of the layout's; a column may be
 * left out, except Theme title (every row belongs to a theme). A blank header is a column
 * this import does not read: a cell under it holding anything is refused row by row.
 */
export function readHeader(table: Table, problems: SpreadsheetProblem[]): ColumnMap {
  const columns: ColumnMap = new Map()
  const first: Cell[] = table.rows[0] ?? []
  const seen = new Map<ItemColumnId, number>()
  first.forEach((cell, index) => {
    if (!cell.text) return
    const place = { sheet: table.sheet, row: 1, column: index }
    const column = itemColumns.find((c) => headerForm(c.header) === headerForm(cell.text))
    if (!column) {
      const joined = /[;\t]/.test(cell.text)
        ? ' It looks like several headers joined by semicolons or tabs: save the file as "CSV UTF-8 (Comma delimited)".'
        : ''
      problems.push(
        problemAt(place, `"${cell.text}" is not a column this import reads. The columns are: ${headers}.${joined}`),
      )
      columns.set(index, null)
      return
    }
    const earlier = seen.get(column.id)
    if (earlier !== undefined) {
      problems.push(
        problemAt(place, `"${column.header}" is a column twice, here and in column ${columnLetters(earlier)}.`),
      )
      columns.set(index, null)
      return
    }
    seen.set(column.id, index)
    columns.set(index, column.id)
  })
  if (first.every((cell) => !cell.text)) {
    problems.push({
      ...(table.sheet ? { sheet: table.sheet } : {}),
      row: 1,
      message: `Row 1 must be the header row: ${headers}.`,
    })
  } else if (!seen.has('themeTitle')) {
    problems.push({
      ...(table.sheet ? { sheet: table.sheet } : {}),
      row: 1,
      message: 'The header row has no "Theme title" column: every row belongs to a theme.',
    })
  }
  return columns
}
