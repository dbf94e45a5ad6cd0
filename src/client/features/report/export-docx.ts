import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { QuarterlyReport } from '../../../shared/monitoring/quarterly-report-schema'
import { formatDay } from '../../ui/format'
import { reportSections, type Cell, type ReportTable } from './report-tables'

// Loaded only when someone exports (a dynamic import in the report's actions): docx is
// several hundred kilobytes that no other screen needs.

const text = (cell: Cell) => (cell === null ? '' : typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell)

function tableOf(table: ReportTable): Table {
  // The header row is marked to repeat, so a table that breaks across pages keeps its columns named.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (column) =>
        new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: column, bold: true })] })] }),
    ),
  })
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((cell) => new TableCell({ children: [new Paragraph(text(cell))] })),
      }),
  )
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } })
}

/** Who locked the report and when, when it is a locked one: said on its first page. */
export interface LockedWords {
  by: string
  on: string
}

/** The report as a Word document: a heading per section, its tables with header rows that repeat, page numbers in the footer. */
export function reportDocument(report: QuarterlyReport, locked?: LockedWords): Document {
  const body = reportSections(report).flatMap((section) => [
    new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }),
    ...section.tables.flatMap((table) => [
      ...(table.title ? [new Paragraph({ text: table.title, heading: HeadingLevel.HEADING_2 })] : []),
      table.rows.length ? tableOf(table) : new Paragraph('None this quarter.'),
    ]),
  ])
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  })
  return new Document({
    title: `${report.plan.title}: quarterly monitoring report, ${report.quarter}`,
    sections: [
      {
        footers: { default: footer },
        children: [
          new Paragraph({ text: report.plan.title, heading: HeadingLevel.TITLE }),
          new Paragraph(`Quarterly monitoring report, ${report.quarter}. Figures as at ${formatDay(report.asAt)}.`),
          ...(locked ? [new Paragraph(`Locked by ${locked.by} on ${locked.on}.`)] : []),
          ...body,
        ],
      },
    ],
  })
}

/** The .docx file's bytes. */
export const reportDocx = (report: QuarterlyReport, locked?: LockedWords): Promise<ArrayBuffer> =>
  Packer.toArrayBuffer(reportDocument(report, locked))
