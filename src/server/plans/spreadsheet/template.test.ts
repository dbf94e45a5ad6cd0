// @vitest-environment node
import { strFromU8, unzipSync } from 'fflate'
import readExcelFile from 'read-excel-file/universal'
import { describe, expect, it } from 'vitest'
import type { PlanDocument } from '../../../shared/plans/plan-document'
import { parsePlanSpreadsheet, planSpreadsheetTemplate, type ParseResult } from './index'
import { rbwmPlanFields, rbwmTheme1Rows } from './rbwm-theme-1.fixture'
import { csvBytes, csvText, layoutHeaders, xlsxBytes, type XlsxValue } from './spreadsheet-files.fixture'

const planValues: Record<string, string> = {
  Title: rbwmPlanFields.title,
  Kind: rbwmPlanFields.kind,
  Status: rbwmPlanFields.status,
  Period: rbwmPlanFields.periodText,
  Version: rbwmPlanFields.versionLabel,
  Source: rbwmPlanFields.source,
}

async function sheetsOf(bytes: Uint8Array) {
  const sheets = await readExcelFile(bytes.slice().buffer)
  return new Map(sheets.map(({ sheet, data }) => [sheet, data as XlsxValue[][]]))
}

/** Fills the downloaded template as an officer would: the Plan sheet's values, and rows below the example. */
async function fillTemplate(moreRows: string[][]): Promise<Uint8Array> {
  const sheets = await sheetsOf((await planSpreadsheetTemplate('xlsx')).bytes)
  const plan = sheets
    .get('Plan')!
    .map((row, index) => (index === 0 ? row : [row[0]!, planValues[String(row[0])] ?? null]))
  return xlsxBytes([
    { sheet: 'Plan items', rows: [...sheets.get('Plan items')!, ...moreRows] },
    { sheet: 'Plan', rows: plan },
    { sheet: 'How to fill this in', rows: sheets.get('How to fill this in')! },
  ])
}

function documentOf(result: ParseResult): PlanDocument {
  if ('problems' in result) throw new Error(`Refused: ${JSON.stringify(result.problems, null, 1)}`)
  return result.document
}

describe('the XLSX template', () => {
  it('has the layout header, one example row from RBWM Theme 1, a Plan sheet and a "How to fill this in" sheet', async () => {
    const sheets = await sheetsOf((await planSpreadsheetTemplate('xlsx')).bytes)
    expect([...sheets.keys()]).toEqual(['Plan items', 'Plan', 'How to fill this in'])
    const items = sheets.get('Plan items')!
    expect(items[0]).toEqual(layoutHeaders)
    expect(items).toHaveLength(2)
    expect(items[1]!.map((cell) => cell ?? '')).toEqual(rbwmTheme1Rows[0])
    expect(sheets.get('Plan')!.map((row) => row[0])).toEqual([
      'Field',
      'Title',
      'Subtitle',
      'Kind',
      'Status',
      'Period',
      'Period start',
      'Period end',
      'Version',
      'Source',
    ])
  })

  it('round-trips: the example filled in parses to its theme, action and milestone', async () => {
    const document = documentOf(await parsePlanSpreadsheet(await fillTemplate([]), { format: 'xlsx' }))
    expect(document.plan).toMatchObject({ title: rbwmPlanFields.title, kind: 'business-plan', status: 'approved' })
    expect(document.themes.map((t) => [t.code, t.title])).toEqual([
      ['Theme 1', 'Delivery of an integrated early help offer and alignment with MASH'],
    ])
    expect(document.actions.map((a) => a.description)).toEqual([
      'Improve access and streamline business support processes so that all enquires are routed appropriately through Early Help Hub or MASH.',
    ])
    expect(document.milestones.map((m) => [m.title, m.deadline, m.monitoring])).toEqual([
      [
        'Ensure clear pathways and process mapping are being applied to all referrals.',
        { text: 'December 2016', date: '2016-12-31' },
        'Performance meeting. Monitoring of new data set',
      ],
    ])
  })

  it('round-trips with the rest of Theme 1 under the example, to the same document as the CSV', async () => {
    const fromTemplate = documentOf(
      await parsePlanSpreadsheet(await fillTemplate(rbwmTheme1Rows.slice(1)), { format: 'xlsx' }),
    )
    const fromCsv = documentOf(
      await parsePlanSpreadsheet(csvBytes(rbwmTheme1Rows), { format: 'csv', plan: rbwmPlanFields }),
    )
    expect(fromTemplate).toEqual(fromCsv)
  })

  it('refuses the template as downloaded only for the plan fields left to fill', async () => {
    const result = await parsePlanSpreadsheet((await planSpreadsheetTemplate('xlsx')).bytes, { format: 'xlsx' })
    expect('problems' in result && result.problems.map((p) => [p.sheet, p.cell, p.path])).toEqual([
      ['Plan', 'B2', 'plan.title'],
      ['Plan', 'B4', 'plan.kind'],
      ['Plan', 'B5', 'plan.status'],
      ['Plan', 'B9', 'plan.versionLabel'],
      ['Plan', 'B10', 'plan.source'],
    ])
  })

  it('writes no formula: every cell is text', async () => {
    const files = unzipSync((await planSpreadsheetTemplate('xlsx')).bytes)
    const sheets = Object.keys(files).filter((name) => name.startsWith('xl/worksheets/') && name.endsWith('.xml'))
    expect(sheets).toHaveLength(3)
    for (const name of sheets) {
      const xml = strFromU8(files[name]!)
      expect(xml).not.toMatch(/<f[ >]/)
      for (const cell of xml.matchAll(/<c [^>]*?(\/>|>)/g))
        if (cell[1] === '>') expect(cell[0]).toMatch(/t="(s|inlineStr)"/)
    }
  })

  it('explains every column and every plan field with the help the parser follows', async () => {
    const howTo = (await sheetsOf((await planSpreadsheetTemplate('xlsx')).bytes)).get('How to fill this in')!
    const pairs = new Map(howTo.filter((row) => row[1]).map((row) => [row[0], row[1]]))
    for (const header of layoutHeaders) expect(pairs.get(header)).toEqual(expect.any(String))
    expect(pairs.get('Milestone leads')).toBe(
      'Optional. The roles who lead the milestone, written as for Action leads.',
    )
    expect(pairs.get('Kind')).toBe('Needed. One of: Business plan, Improvement plan, Framework, Service plan.')
    expect(howTo.flat().join('\n')).toMatch(
      /one row for each milestone, and one row for each action that has no milestone/,
    )
  })

  it('is the same bytes every time, so it can be cached', async () => {
    const [first, second] = await Promise.all([planSpreadsheetTemplate('xlsx'), planSpreadsheetTemplate('xlsx')])
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true)
    expect(first).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: 'plan-template.xlsx',
    })
  })
})

describe('the CSV template', () => {
  it('is the header row, UTF-8 with the byte-order mark Excel needs to keep it UTF-8', async () => {
    const template = await planSpreadsheetTemplate('csv')
    expect([...template.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(template.bytes)).toBe(`${layoutHeaders.join(',')}\r\n`)
    expect(template).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: 'plan-template.csv' })
  })

  it('round-trips: RBWM Theme 1 written under its header parses as the plan has it', async () => {
    const template = new TextDecoder().decode((await planSpreadsheetTemplate('csv')).bytes)
    const filled = new TextEncoder().encode(`\ufeff${template}${csvText(rbwmTheme1Rows, []).replace(/^\r\n/, '')}`)
    const document = documentOf(await parsePlanSpreadsheet(filled, { format: 'csv', plan: rbwmPlanFields }))
    const fromRows = documentOf(
      await parsePlanSpreadsheet(csvBytes(rbwmTheme1Rows), { format: 'csv', plan: rbwmPlanFields }),
    )
    expect(document).toEqual(fromRows)
    expect(document.milestones).toHaveLength(8)
  })
})
