import { cellProblems, type Cell, type Table } from './cells'
import { itemColumns, type ItemColumnId } from './columns'
import type { ColumnMap } from './header'
import { problemAt, type Place, type SpreadsheetProblem } from './problems'

export const headerOf = (id: ItemColumnId) => itemColumns.find((c) => c.id === id)!.header

/** One row of the Plan items sheet, read by column: a column the header leaves out reads as blank. */
export class SheetRow {
  private readonly indexOf: Map<ItemColumnId, number>

  constructor(
    private readonly table: Table,
    private readonly cells: Cell[],
    private readonly columns: ColumnMap,
    readonly row: number,
  ) {
    this.indexOf = new Map([...columns].flatMap(([index, id]) => (id ? [[id, index] as const] : [])))
  }

  cell(id: ItemColumnId): Cell {
    const index = this.indexOf.get(id)
    return (index === undefined ? undefined : this.cells[index]) ?? { text: '' }
  }

  text(id: ItemColumnId): string {
    return this.cell(id).text
  }

  filled(ids: readonly ItemColumnId[]): ItemColumnId[] {
    return ids.filter((id) => this.text(id))
  }

  place(id: ItemColumnId): Place {
    return { sheet: this.table.sheet, row: this.row, column: this.indexOf.get(id) ?? 0, header: headerOf(id) }
  }

  problem(id: ItemColumnId, message: string, path?: string): SpreadsheetProblem {
    return problemAt(this.place(id), message, path)
  }

  /** Refusals of the row's cells as cells: unstorable or too long, or under no header. */
  cellProblems(): SpreadsheetProblem[] {
    return this.cells.flatMap((cell, column) => {
      const id = this.columns.get(column)
      const at: Place = { sheet: this.table.sheet, row: this.row, column, ...(id ? { header: headerOf(id) } : {}) }
      const found = cellProblems(cell, at)
      if (this.columns.has(column) || !cell.text || found.length) return found
      return [
        problemAt(
          at,
          'This cell is in a column with no header: this import reads only the columns its header row names.',
        ),
      ]
    })
  }
}
