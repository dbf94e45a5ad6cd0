import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { ProgressUpdate } from '../../../shared/entities'
import { buildQuarterlyReport } from '../../../shared/monitoring/quarterly-report'
import { actions, milestones, person, plan, themes } from '../../../../tests/support/plan-records'
import { csvCell, reportCsv } from './export-csv'
import { reportDocx } from './export-docx'
import { reportSections } from './report-tables'

// A small plan's 2020/21 Q4 report, its commentaries written as people write them: commas,
// quotes, line breaks, and text a spreadsheet would take for a formula.
const quarter = '2020/21 Q4'
const k1 = actions.find((action) => action.code === 'K1')!
const r1 = actions.find((action) => action.code === 'R1')!
const update = (n: number, actionId: string, rag: ProgressUpdate['rag'], commentary: string): ProgressUpdate => ({
  id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
  version: 1,
  actionId,
  period: quarter,
  rag,
  commentary,
  authorId: person.id,
  madeAt: `2021-02-0${n}T10:00:00Z`,
  receivedAt: `2021-02-0${n}T10:00:00Z`,
})
const red = 'Behind: two "practice leads" to recruit, then training.\nRecovery plan agreed, March.'
const formula = '=HYPERLINK("http://example.org","Click")'
const report = buildQuarterlyReport(
  {
    plan,
    themes,
    actions,
    milestones,
    measures: [],
    risks: [],
    progressUpdates: [update(1, k1.id, 'red', red), update(2, r1.id, 'amber', formula)],
    evidence: [],
  },
  quarter,
  '2021-03-15',
  { people: { [person.id]: person.name } },
)

describe('the quarterly report as CSV', () => {
  it('quotes what needs quoting, and only that', () => {
    expect(csvCell('On track')).toBe('On track')
    expect(csvCell('Kingston, Richmond')).toBe('"Kingston, Richmond"')
    expect(csvCell('the "lead"')).toBe('"the ""lead"""')
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"')
    expect(csvCell(12.5)).toBe('12.5')
    expect(csvCell(null)).toBe('')
    // Never run as a formula when the file is opened.
    expect(csvCell('=1+1')).toBe(`"'=1+1"`)
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`)
  })

  it('is one file: a row per table row, each named by its section, reading back to the report’s figures', () => {
    const csv = reportCsv(report)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parse(csv, { bom: true, relaxColumnCount: false }) as string[][]
    expect(header!.slice(0, 2)).toEqual(['Section', 'Table'])
    const sections = reportSections(report)
    expect(rows).toHaveLength(sections.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0))
    expect(new Set(rows.map((row) => row[0]))).toEqual(
      new Set(sections.filter((s) => s.tables.some((t) => t.rows.length)).map((s) => s.heading)),
    )
    const column = (name: string) => header!.indexOf(name)
    const exception = rows.find((row) => row[0] === 'Exceptions' && row[column('Remedial action')] === red)
    expect(exception, 'the red project’s commentary, line break and quotes intact').toBeDefined()
    expect(exception![column('Project')]).toMatch(/^K1 /)
    expect(rows.some((row) => row.includes(`'${formula}`))).toBe(true)
    const whole = rows.find((row) => row[0] === 'Summary' && row[column('Theme')] === 'Whole plan')!
    expect(Number(whole[column('Projects')])).toBe(report.summary.actions)
  })
})

describe('the quarterly report as Word', () => {
  it('has a heading per section, tables whose header rows repeat, the figures, and page numbers', async () => {
    const files = unzipSync(new Uint8Array(await reportDocx(report, { by: person.name, on: '1 April 2021' })))
    const document = strFromU8(files['word/document.xml']!)
    const text = document.replace(/<[^>]+>/g, '')
    for (const section of reportSections(report))
      expect(document, section.heading).toMatch(
        new RegExp(`<w:pStyle w:val="Heading1"/>.*?<w:t[^>]*>${section.heading}</w:t>`),
      )
    expect(text).toContain(plan.title)
    // The summary's whole-plan row: its name, then the number of projects.
    expect(text).toContain(`Whole plan${report.summary.actions}`)
    expect(text).toContain(`Locked by ${person.name} on 1 April 2021.`)
    expect(text).toContain('two &quot;practice leads&quot; to recruit')
    const tables = document.match(/<w:tbl>/g)?.length ?? 0
    expect(tables).toBeGreaterThan(4)
    expect(document.match(/<w:tblHeader\/>/g)?.length).toBe(tables)
    const footer = Object.keys(files).find((name) => /^word\/footer\d*\.xml$/.test(name))!
    expect(strFromU8(files[footer]!)).toMatch(/PAGE.*NUMPAGES/s)
  })
})
