import type { QuarterlyReport } from '../../../shared/monitoring/quarterly-report-schema'
import { reportSections, type Cell } from './report-tables'

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. Text a spreadsheet would run as a formula (=, +, -, @ first) is quoted with a
 * leading apostrophe, so opening the file never runs what someone typed in a commentary.
 */
export function csvCell(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
  return /[",\r\n]/.test(text) || text !== cell ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The whole report as one CSV: a row per table row, named by its section and table, under
 * one header holding every table's columns (each row fills its own). CRLF line ends and a
 * byte-order mark, so Excel opens it as UTF-8.
 */
export function reportCsv(report: QuarterlyReport): string {
  const sections = reportSections(report)
  const columns = [...new Set(sections.flatMap((s) => s.tables.flatMap((t) => t.columns)))]
  const lines = [['Section', 'Table', ...columns].map(csvCell).join(',')]
  for (const section of sections)
    for (const table of section.tables)
      for (const row of table.rows) {
        const cells: Cell[] = columns.map(() => null)
        table.columns.forEach((column, i) => (cells[columns.indexOf(column)] = row[i] ?? null))
        lines.push([section.heading, table.title ?? null, ...cells].map(csvCell).join(','))
      }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
