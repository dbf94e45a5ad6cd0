// @vitest-environment node
import { strToU8, zipSync, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { PlanDocument } from '../../../shared/plans/plan-document'
import { parsePlanSpreadsheet, type ParseResult, type PlanOptions, type SpreadsheetProblem } from './index'
import { rbwmPlanFields, rbwmTheme1Rows } from './rbwm-theme-1.fixture'
import {
  csvBytes,
  layoutHeaders,
  rewriteXlsx,
  xlsxBytes,
  type XlsxSheet,
  type XlsxValue,
} from './spreadsheet-files.fixture'

const planRows: XlsxValue[][] = [
  ['Field', 'Value'],
  ['Title', rbwmPlanFields.title],
  ['Kind', rbwmPlanFields.kind],
  ['Status', rbwmPlanFields.status],
  ['Period', rbwmPlanFields.periodText],
  ['Version', rbwmPlanFields.versionLabel],
  ['Source', rbwmPlanFields.source],
]
const itemsSheet = (rows: XlsxValue[][] = rbwmTheme1Rows): XlsxSheet => ({
  sheet: 'Plan items',
  rows: [layoutHeaders, ...rows],
})
const planSheet = (rows: XlsxValue[][] = planRows): XlsxSheet => ({ sheet: 'Plan', rows })
const workbook = (sheets: XlsxSheet[] = [itemsSheet(), planSheet()]) => xlsxBytes(sheets)
const parseXlsx = (bytes: Uint8Array, plan?: PlanOptions) => parsePlanSpreadsheet(bytes, { format: 'xlsx', plan })
/** One row of the layout, by header. */
const row = (cells: Record<string, XlsxValue>) => layoutHeaders.map((header) => cells[header] ?? null)

function documentOf(result: ParseResult): PlanDocument {
  if ('problems' in result) throw new Error(`Refused: ${JSON.stringify(result.problems, null, 1)}`)
  return result.document
}
function problemsOf(result: ParseResult): SpreadsheetProblem[] {
  if ('document' in result) throw new Error('Expected the workbook to be refused')
  expect(Object.keys(result)).toEqual(['problems'])
  return result.problems
}

describe('an XLSX of RBWM Theme 1', () => {
  it('parses to the same document as the CSV with the same plan, its plan read from the Plan sheet', async () => {
    const fromCsv = documentOf(
      await parsePlanSpreadsheet(csvBytes(rbwmTheme1Rows), { format: 'csv', plan: rbwmPlanFields }),
    )
    const fromXlsx = documentOf(await parseXlsx(await workbook()))
    expect(fromXlsx).toEqual(fromCsv)
    expect(fromXlsx.milestones).toHaveLength(8)
  })

  it('passes over the "How to fill this in" sheet, and reads sheet names whatever their case', async () => {
    const sheets = [
      { ...itemsSheet(), sheet: 'PLAN ITEMS' },
      planSheet(),
      { sheet: 'How to fill this in', rows: [['Anything at all']] },
    ]
    expect(documentOf(await parseXlsx(await workbook(sheets))).actions).toHaveLength(4)
  })

  it('takes plan fields from the import where the Plan sheet leaves them out, and refuses the two disagreeing', async () => {
    const withoutSource = planRows.filter((r) => r[0] !== 'Source')
    const document = documentOf(
      await parseXlsx(await workbook([itemsSheet(), planSheet(withoutSource)]), { source: 'RBWM, March 2017' }),
    )
    expect(document.plan.source).toBe('RBWM, March 2017')
    expect(documentOf(await parseXlsx(await workbook([itemsSheet()]), rbwmPlanFields)).plan.title).toBe(
      rbwmPlanFields.title,
    )
    expect(documentOf(await parseXlsx(await workbook(), { kind: 'business-plan' })).plan.kind).toBe('business-plan')

    const problems = problemsOf(await parseXlsx(await workbook(), { title: 'Another title' }))
    expect(problems).toEqual([
      {
        sheet: 'Plan',
        row: 2,
        column: 'Value',
        cell: 'B2',
        path: 'plan.title',
        message: `The Plan sheet gives Title as "${rbwmPlanFields.title}" but the import gives "Another title".`,
      },
    ])
  })

  it('reads Excel date cells: a deadline as a plan writes the date, a period by its day', async () => {
    const rows = [
      row({
        'Theme title': 'A theme',
        'Action description': 'An action',
        Milestone: 'Due',
        'Milestone deadline': new Date('2017-03-31T00:00:00Z'),
      }),
    ]
    const plan = [...planRows, ['Period start', new Date('2017-04-01T00:00:00Z')], ['Period end', '31/03/2018']]
    const document = documentOf(await parseXlsx(await workbook([itemsSheet(rows), planSheet(plan)])))
    expect(document.milestones[0]!.deadline).toEqual({ text: '31 March 2017', date: '2017-03-31' })
    expect(document.plan).toMatchObject({ periodStart: '2017-04-01', periodEnd: '2018-03-31' })
  })

  it('reads a number typed as a code as the text it shows', async () => {
    const rows = [
      row({ 'Theme code': 1, 'Theme title': 'A theme', 'Action code': 1.2, 'Action description': 'An action' }),
    ]
    const document = documentOf(await parseXlsx(await workbook([itemsSheet(rows), planSheet()])))
    expect([document.themes[0]!.code, document.actions[0]!.code, document.actions[0]!.key]).toEqual([
      '1',
      '1.2',
      '1-1-2',
    ])
  })
})

/** A workbook whose cell B2 of Plan items is replaced by raw sheet XML, as a hand-made file could have it. */
async function withCell(xml: string): Promise<Uint8Array> {
  const rows = [row({ 'Theme code': 'T', 'Theme title': 'placeholder', 'Action description': 'An action' })]
  const bytes = await workbook([itemsSheet(rows), planSheet()])
  return rewriteXlsx(bytes, 'xl/worksheets/sheet1.xml', (sheet) => sheet.replace(/<c r="B2"[^>]*>.*?<\/c>/, xml))
}

describe('cells of an XLSX', () => {
  it('takes a formula cell as the value the spreadsheet last showed, and calculates nothing', async () => {
    const document = documentOf(
      await parseXlsx(await withCell('<c r="B2" t="str"><f>CONCAT("Early ","help")</f><v>Early help</v></c>')),
    )
    expect(document.themes[0]!.title).toBe('Early help')
  })

  it('reads a formula with no value shown as blank, which here leaves the theme without its title', async () => {
    const problems = problemsOf(await parseXlsx(await withCell('<c r="B2"><f>1+1</f></c>')))
    expect(problems).toEqual([
      {
        sheet: 'Plan items',
        row: 2,
        column: 'Theme title',
        cell: 'B2',
        message: 'A theme begins here (no theme above is "T"): give its Theme title.',
      },
    ])
  })

  it.each([
    ['a NUL', '_x0000_'],
    ['half of an emoji', '_xD83D_'],
  ])('refuses %s written as an XML escape, naming its sheet, row and column', async (_what, escape) => {
    const problems = problemsOf(
      await parseXlsx(await withCell(`<c r="B2" t="inlineStr"><is><t>Early${escape}help</t></is></c>`)),
    )
    expect(problems).toEqual([
      {
        sheet: 'Plan items',
        row: 2,
        column: 'Theme title',
        cell: 'B2',
        message: 'This text contains a character that cannot be saved (a NUL, or half of an emoji).',
      },
    ])
  })
})

describe('the Plan sheet', () => {
  it('refuses a wrong header, an unknown field, a field twice, text beside the two columns and a value it cannot read', async () => {
    const rows: XlsxValue[][] = [
      ['Field', 'Answer'],
      ...planRows.slice(1),
      ['Colour', 'Blue'],
      ['Title', 'Again'],
      ['Kind', 'Business plan', 'a note'],
      ['Period start', 'next April'],
    ]
    const problems = problemsOf(await parseXlsx(await workbook([itemsSheet(), planSheet(rows)])))
    expect(problems).toEqual([
      {
        sheet: 'Plan',
        row: 1,
        column: 'Value',
        cell: 'B1',
        message: 'The Plan sheet\'s first row holds the headers Field and Value: this cell should say "Value".',
      },
      {
        sheet: 'Plan',
        row: 8,
        column: 'Field',
        cell: 'A8',
        message:
          '"Colour" is not a field of the Plan sheet. The fields are: Title, Subtitle, Kind, Status, Period, Period start, Period end, Version, Source.',
      },
      {
        sheet: 'Plan',
        row: 9,
        column: 'Field',
        cell: 'A9',
        message: 'Title is given twice on the Plan sheet: give it once.',
      },
      {
        sheet: 'Plan',
        row: 10,
        column: 'C',
        cell: 'C10',
        message: 'The Plan sheet has two columns, Field and Value; write nothing beside them.',
      },
      {
        sheet: 'Plan',
        row: 10,
        column: 'Field',
        cell: 'A10',
        message: 'Kind is given twice on the Plan sheet: give it once.',
      },
      {
        sheet: 'Plan',
        row: 11,
        column: 'Value',
        cell: 'B11',
        path: 'plan.periodStart',
        message: '"next April" is not a date: write the day, such as 01/04/2017.',
      },
    ])
  })

  it('names the Value cell of a needed field left blank, and the sheet where a field is missing', async () => {
    const rows = planRows.map((r) => (r[0] === 'Status' ? ['Status', null] : r)).filter((r) => r[0] !== 'Version')
    expect(problemsOf(await parseXlsx(await workbook([itemsSheet(), planSheet(rows)])))).toEqual([
      {
        sheet: 'Plan',
        row: 4,
        column: 'Value',
        cell: 'B4',
        path: 'plan.status',
        message: "The plan's Status is needed: write it in the Value column.",
      },
      {
        path: 'plan.versionLabel',
        message: 'The plan\'s Version is needed: write it on the Plan sheet, in a row "Version".',
      },
    ])
  })
})

describe('what an XLSX file may be', () => {
  it('refuses an unknown sheet, and a workbook without Plan items', async () => {
    const problems = problemsOf(await parseXlsx(await workbook([planSheet(), { sheet: 'Notes', rows: [['hello']] }])))
    expect(problems).toEqual([
      {
        sheet: 'Notes',
        message:
          'This workbook has a sheet "Notes"; the import reads only the sheets "Plan items" and "Plan" (and passes over "How to fill this in"). Remove the sheet or move its rows.',
      },
      { message: 'This workbook has no sheet named "Plan items": its themes, actions and milestones go there.' },
    ])
  })

  it('refuses a file that is not a zip, such as an old .xls, and a damaged one', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expect(problemsOf(await parseXlsx(xls))).toEqual([
      {
        message:
          'This file is not an XLSX workbook this import can read. If it is an older .xls file, open it in Excel and save it as .xlsx.',
      },
    ])
    const whole = await workbook()
    const damaged = whole.slice()
    damaged.fill(0x55, 200, whole.length - 200)
    const refusal = async (bytes: Uint8Array) => problemsOf(await parseXlsx(bytes)).map((p) => p.message)
    const cannot = 'This file is not an XLSX workbook this import can read.'
    expect(await refusal(damaged)).toEqual([`${cannot} Part of it is damaged.`])
    expect(await refusal(whole.slice(0, whole.length / 2))).toEqual([
      `${cannot} It is not a zip file this import can read.`,
    ])
  })

  it('refuses a zip that holds no spreadsheet, and one holding two files of the same name', async () => {
    const cannot = 'This file is not an XLSX workbook this import can read.'
    const notASpreadsheet = zipSync({ 'readme.xml': strToU8('<hello/>') })
    expect(problemsOf(await parseXlsx(notASpreadsheet))).toEqual([
      { message: `${cannot} Its contents are damaged or not those of a spreadsheet.` },
    ])
    const files = unzipSync(await workbook())
    files['xl/twin-b.xml'] = strToU8('<b/>')
    files['xl/twin-a.xml'] = strToU8('<a/>')
    const twins = zipSync(files, { level: 0 })
    // Rename twin-b to twin-a in both its local and its central header.
    for (let at = findBytes(twins, strToU8('twin-b')); at >= 0; at = findBytes(twins, strToU8('twin-b')))
      twins[at + 5] = 0x61
    expect(problemsOf(await parseXlsx(twins))).toEqual([
      { message: `${cannot} It holds two files named xl/twin-a.xml.` },
    ])
  })

  it('refuses a zip bomb once it unpacks past 50 MB, even when its headers declare a small size', async () => {
    const files = unzipSync(await workbook())
    files['xl/media/padding.xml'] = new Uint8Array(60 * 1024 * 1024)
    const bomb = zipSync(files, { level: 9 })
    expect(bomb.length).toBeLessThan(200 * 1024)
    // Declare the padding's size as 100 bytes in its local header: the sizes a zip declares are not trusted.
    const at = findBytes(bomb, strToU8('xl/media/padding.xml')) - 30
    expect(at).toBeGreaterThan(0)
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(at + 22, 100, true)
    expect(problemsOf(await parseXlsx(bomb))).toEqual([
      { message: 'This file is not an XLSX workbook this import can read. It unpacks to more than 50 MB.' },
    ])
  })

  it('refuses a zip of more than 1,000 files', async () => {
    const files = unzipSync(await workbook())
    for (let n = 0; n < 1000; n++) files[`xl/media/image${n}.png`] = new Uint8Array(1)
    expect(problemsOf(await parseXlsx(zipSync(files)))).toEqual([
      { message: 'This file is not an XLSX workbook this import can read. It holds more than 1000 files.' },
    ])
  })

  it('refuses a sheet reaching past 5,001 rows or 50 columns before the reader fills it out', async () => {
    const far = async (column: string, row: number) =>
      rewriteXlsx(await workbook(), 'xl/worksheets/sheet1.xml', (sheet) =>
        sheet.replace(
          '</sheetData>',
          `<row r="${row}"><c r="${column}${row}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`,
        ),
      )
    expect(problemsOf(await parseXlsx(await far('A', 1048576)))).toEqual([
      { message: 'A sheet has more than 5,000 rows below its header, the most one import takes.' },
    ])
    expect(problemsOf(await parseXlsx(await far('XFD', 20)))).toEqual([
      { message: 'A sheet has cells beyond column AX; this import reads sheets no wider than that.' },
    ])
  })
})

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}
