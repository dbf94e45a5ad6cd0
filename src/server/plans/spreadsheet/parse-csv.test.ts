// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { PlanDocument } from '../../../shared/plans/plan-document'
import { parsePlanSpreadsheet, spreadsheetLimits, type ParseResult, type SpreadsheetProblem } from './index'
import { rbwmPlanFields, rbwmTheme1, rbwmTheme1Rows } from './rbwm-theme-1.fixture'
import { csvBytes, csvText, layoutHeaders } from './spreadsheet-files.fixture'

const encode = (text: string) => new TextEncoder().encode(text)
const parseCsv = (bytes: Uint8Array, plan: Record<string, string> = rbwmPlanFields) =>
  parsePlanSpreadsheet(bytes, { format: 'csv', plan })

function documentOf(result: ParseResult): PlanDocument {
  if ('problems' in result) throw new Error(`Refused: ${JSON.stringify(result.problems, null, 1)}`)
  return result.document
}
function problemsOf(result: ParseResult): SpreadsheetProblem[] {
  if ('document' in result) throw new Error('Expected the spreadsheet to be refused')
  expect(Object.keys(result)).toEqual(['problems'])
  return result.problems
}

describe('a CSV of RBWM Theme 1', () => {
  it('parses to its theme, four actions and eight milestones, as the plan has them', async () => {
    const document = documentOf(await parseCsv(csvBytes(rbwmTheme1Rows)))

    expect(document.format).toBe('golden-thread/plan@2')
    expect(document.plan).toMatchObject({
      title: "Children's Services Business Plan 2017-2018",
      kind: 'business-plan',
      status: 'approved',
      periodText: '2017-2018',
      versionLabel: 'Version 3 (Cabinet, March 2017)',
      source: "Royal Borough of Windsor and Maidenhead, Children's Services Business Plan 2017-2018 (March 2017)",
    })
    expect(document.themes).toHaveLength(1)
    expect(document.themes[0]).toMatchObject({ key: 'theme-1', ...rbwmTheme1.theme })
    expect(document.actions.map((a) => [a.theme, a.description, a.leads])).toEqual(
      rbwmTheme1.actions.map((description) => ['theme-1', description, [{ role: rbwmTheme1.lead }]]),
    )
    expect(
      document.actions.every((a) => a.code === undefined && a.title === undefined && a.deadline === undefined),
    ).toBe(true)
    const actionKeys = document.actions.map((a) => a.key)
    expect(
      document.milestones.map((m) => [
        actionKeys.indexOf(m.action) + 1,
        m.title,
        m.deadline?.text,
        m.deadline?.date,
        m.monitoring,
      ]),
    ).toEqual(rbwmTheme1.milestones)
    expect(document.milestones.every((m) => m.leads.length === 1 && m.leads[0]?.role === rbwmTheme1.lead)).toBe(true)
  })

  // Pinned: a change here makes a spreadsheet imported before the change import as new records after it.
  it('makes keys from codes and titles: lower-case words, long ones cut with a hash of the whole', async () => {
    const document = documentOf(await parseCsv(csvBytes(rbwmTheme1Rows)))
    expect(document.plan.key).toBe('childrens-services-business-plan-2017-763bbffb')
    expect(document.actions.map((a) => a.key)).toEqual([
      'theme-1-improve-access-and-streamline-business-e2f07f2f',
      'theme-1-further-develop-the-multi-agency-dbf6a92b',
      'theme-1-develop-integrated-early-help-offer-98ce0aae',
      'theme-1-complete-and-rollout-revised-early-help-a2c97ed0',
    ])
    expect(document.milestones[6]!.key).toBe(
      `${document.actions[3]!.key}-provide-a-statement-that-clearly-defines-882a4509`,
    )
  })

  it('gives the same document, keys and all, every time it is read', async () => {
    const first = documentOf(await parseCsv(csvBytes(rbwmTheme1Rows)))
    const second = documentOf(await parseCsv(csvBytes(rbwmTheme1Rows)))
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
  })

  it('keeps every other key when a milestone is added in the middle', async () => {
    const before = documentOf(await parseCsv(csvBytes(rbwmTheme1Rows)))
    const added = [
      ...rbwmTheme1Rows.slice(0, 4),
      ['', '', '', '', '', '', '', '', '', 'A new milestone', '', 'June 2017', ''],
      ...rbwmTheme1Rows.slice(4),
    ]
    const after = documentOf(await parseCsv(csvBytes(added)))
    expect(after.milestones).toHaveLength(9)
    expect(after.milestones.filter((m) => m.title !== 'A new milestone')).toEqual(before.milestones)
    expect(after.actions).toEqual(before.actions)
  })

  it('takes the plan key the caller names, for a plan imported before under another title', async () => {
    const document = documentOf(
      await parseCsv(csvBytes(rbwmTheme1Rows), {
        ...rbwmPlanFields,
        key: 'rbwm-childrens-services-business-plan-2017-18',
      }),
    )
    expect(document.plan.key).toBe('rbwm-childrens-services-business-plan-2017-18')
  })
})

describe('the plan of a CSV, which comes with the import', () => {
  it('refuses a CSV without the plan fields, naming each needed one by its path', async () => {
    const problems = problemsOf(await parsePlanSpreadsheet(csvBytes(rbwmTheme1Rows), { format: 'csv' }))
    expect(problems.map((p) => p.path)).toEqual([
      'plan.title',
      'plan.kind',
      'plan.status',
      'plan.versionLabel',
      'plan.source',
    ])
    expect(problems[0]!.message).toBe(
      "The plan's Title is needed: a CSV holds only the plan's items, so it comes with the import.",
    )
    expect(problems.every((p) => p.sheet === undefined && p.row === undefined)).toBe(true)
  })

  it('refuses a kind, a status or a date it cannot read, and says what it takes', async () => {
    const plan = { ...rbwmPlanFields, kind: 'Strategy', status: 'Live', periodStart: 'April 2017' }
    const problems = problemsOf(await parseCsv(csvBytes(rbwmTheme1Rows), plan))
    expect(problems).toEqual([
      {
        path: 'plan.kind',
        message:
          '"Strategy" is not a kind of plan. It is one of: Business plan, Improvement plan, Framework, Service plan. (given with the import)',
      },
      {
        path: 'plan.status',
        message: '"Live" is not a status. It is one of: Draft, Approved, Superseded, Archived. (given with the import)',
      },
      {
        path: 'plan.periodStart',
        message: '"April 2017" is not a date: write the day, such as 01/04/2017. (given with the import)',
      },
    ])
  })

  it("hands a bad key to the shared schema, whose refusal keeps the document's path", async () => {
    const problems = problemsOf(await parseCsv(csvBytes(rbwmTheme1Rows), { ...rbwmPlanFields, key: 'Not A Key' }))
    expect(problems).toEqual([{ path: 'plan.key', message: 'keys are lower-case words joined by hyphens' }])
  })

  it('refuses options it does not know and text that cannot be saved', async () => {
    const plan = { ...rbwmPlanFields, colour: 'blue', subtitle: 'With \u0000 a NUL' }
    const problems = problemsOf(await parseCsv(csvBytes(rbwmTheme1Rows), plan))
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['plan', 'Unrecognized key: "colour"'],
      [
        'plan.subtitle',
        'This text contains a character that cannot be saved (a NUL, or half of an emoji). (given with the import)',
      ],
    ])
  })
})

describe('what a CSV file may be', () => {
  it('reads UTF-8 with the byte-order mark Excel writes, and CR LF or LF line ends', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...csvBytes(rbwmTheme1Rows)])
    const lf = encode(csvText(rbwmTheme1Rows).replace(/\r\n/g, '\n'))
    const plain = documentOf(await parseCsv(csvBytes(rbwmTheme1Rows)))
    expect(documentOf(await parseCsv(withBom))).toEqual(plain)
    expect(documentOf(await parseCsv(lf))).toEqual(plain)
    expect(plain.milestones[2]!.deadline?.text).toBe('January – March 2017')
  })

  it('refuses text that is not UTF-8 (Excel\'s older "CSV (Comma delimited)" writes Windows-1252) rather than guess', async () => {
    const windows1252 = new Uint8Array([
      ...encode(`${layoutHeaders.join(',')}\r\nTheme 1,January `),
      0x96,
      ...encode(' March 2017\r\n'),
    ])
    expect(problemsOf(await parseCsv(windows1252))).toEqual([
      { message: 'This file is not UTF-8 text. In Excel, choose Save As and "CSV UTF-8 (Comma delimited)".' },
    ])
  })

  it('refuses half of an emoji, which has no UTF-8 form of its own', async () => {
    const loneSurrogate = new Uint8Array([
      ...encode(`${layoutHeaders.join(',')}\r\nTheme 1,Half `),
      0xed,
      0xa0,
      0xbd,
      ...encode('\r\n'),
    ])
    expect(problemsOf(await parseCsv(loneSurrogate))[0]!.message).toMatch(/not UTF-8/)
  })

  it('refuses UTF-16 text', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Theme title'].flatMap((c) => [c.charCodeAt(0), 0])])
    expect(problemsOf(await parseCsv(utf16))[0]!.message).toMatch(/^This file is UTF-16 text/)
  })

  it('refuses a NUL in a cell, naming its row and column', async () => {
    const rows = rbwmTheme1Rows.map((row) => [...row])
    rows[3]![9] = 'Review terms\u0000 of reference'
    expect(problemsOf(await parseCsv(csvBytes(rows)))).toEqual([
      {
        row: 5,
        column: 'Milestone',
        cell: 'J5',
        message: 'This text contains a character that cannot be saved (a NUL, or half of an emoji).',
      },
    ])
  })

  it('refuses a cell longer than a cell may be', async () => {
    const rows = rbwmTheme1Rows.map((row) => [...row])
    rows[0]![5] = 'x'.repeat(spreadsheetLimits.cellCharacters + 1)
    expect(problemsOf(await parseCsv(csvBytes(rows)))).toEqual([
      {
        row: 2,
        column: 'Action description',
        cell: 'F2',
        message: 'This text holds 10,001 characters; a cell may hold at most 10,000.',
      },
    ])
  })

  it('refuses an empty file, and one larger than the limit, before reading it', async () => {
    expect(problemsOf(await parseCsv(new Uint8Array()))).toEqual([{ message: 'The file is empty.' }])
    const large = new Uint8Array(spreadsheetLimits.bytes + 1).fill(0x41)
    expect(problemsOf(await parseCsv(large))).toEqual([
      { message: 'The file is larger than 5 MB, the most one import takes.' },
    ])
  })

  it('refuses more rows than the limit, and takes exactly the limit', async () => {
    const row = (n: number) => ['Theme 1', 'A theme', '', '', '', `Action ${n}`, '', '', '', '', '', '', '']
    const most = Array.from({ length: spreadsheetLimits.rows }, (_, n) => row(n))
    expect(documentOf(await parseCsv(csvBytes(most))).actions).toHaveLength(spreadsheetLimits.rows)
    expect(problemsOf(await parseCsv(csvBytes([...most, row(-1)])))).toEqual([
      { message: 'A sheet has more than 5,000 rows below its header, the most one import takes.' },
    ])
  })

  it('refuses a row reaching past 50 columns, but not one with empty cells past them', async () => {
    const wide = `${layoutHeaders.join(',')}\r\nTheme 1,A theme,,,,An action${','.repeat(45)}x\r\n`
    expect(problemsOf(await parseCsv(encode(wide)))).toEqual([
      { message: 'A sheet has cells beyond column AX; this import reads sheets no wider than that.' },
    ])
    const ragged = `${layoutHeaders.join(',')}\r\nTheme 1,A theme,,,,An action${','.repeat(100)}\r\n`
    expect(documentOf(await parseCsv(encode(ragged))).actions).toHaveLength(1)
  })

  it('refuses a quoted cell that is never closed, naming the row it starts in', async () => {
    const text = `${layoutHeaders.join(',')}\r\nTheme 1,A theme,,,,"An action\r\n`
    expect(problemsOf(await parseCsv(encode(text)))).toEqual([
      { row: 2, message: 'A quoted cell starting in this row is never closed: a " is missing.' },
    ])
  })

  it('reads quotes inside an unquoted cell as text, as Excel does', async () => {
    const text = `${layoutHeaders.join(',')}\r\nTheme 1,The "front door",,,,An action,,,,,,,\r\n`
    expect(documentOf(await parseCsv(encode(text))).themes[0]!.title).toBe('The "front door"')
  })

  it('takes a formula as the text it is: nothing is calculated', async () => {
    const rows = [
      ['Theme 1', '=HYPERLINK("http://example.invalid","Click")', '', '', '', '+1 action', '', '', '', '', '', '', ''],
    ]
    const document = documentOf(await parseCsv(csvBytes(rows)))
    expect(document.themes[0]!.title).toBe('=HYPERLINK("http://example.invalid","Click")')
    expect(document.actions[0]!.description).toBe('+1 action')
  })
})

describe('the header row', () => {
  it('refuses a column it does not know, listing those it reads', async () => {
    const headers = [...layoutHeaders.slice(0, 3), 'RAG status', ...layoutHeaders.slice(3)]
    const rows = rbwmTheme1Rows.map((row) => [...row.slice(0, 3), 'Green', ...row.slice(3)])
    const problems = problemsOf(await parseCsv(csvBytes(rows, headers)))
    expect(problems).toEqual([
      {
        row: 1,
        column: 'D',
        cell: 'D1',
        message: `"RAG status" is not a column this import reads. The columns are: ${layoutHeaders.join(', ')}.`,
      },
    ])
  })

  it('says so when the headers came in joined by semicolons', async () => {
    const problems = problemsOf(await parseCsv(encode(`${layoutHeaders.join(';')}\r\n`)))
    expect(problems[0]!.message).toMatch(
      /joined by semicolons or tabs: save the file as "CSV UTF-8 \(Comma delimited\)"\.$/,
    )
  })

  it('refuses a column given twice', async () => {
    const problems = problemsOf(
      await parseCsv(csvBytes([['Theme 1', 'A', 'B']], ['Theme code', 'Theme title', 'Theme title'])),
    )
    expect(problems).toEqual([
      { row: 1, column: 'C', cell: 'C1', message: '"Theme title" is a column twice, here and in column B.' },
    ])
  })

  it('needs a Theme title column, and a header in row 1', async () => {
    expect(problemsOf(await parseCsv(csvBytes([['An action']], ['Action description'])))).toEqual([
      { row: 1, message: 'The header row has no "Theme title" column: every row belongs to a theme.' },
    ])
    expect(problemsOf(await parseCsv(encode('\r\nTheme title\r\nA theme\r\n')))[0]).toMatchObject({
      row: 1,
      message: expect.stringMatching(/^Row 1 must be the header row/),
    })
  })

  it('reads headers whatever their case and spacing, and columns left out as blank', async () => {
    const document = documentOf(
      await parseCsv(csvBytes([['A theme', 'An action']], ['THEME  TITLE', ' action description '])),
    )
    expect(document.themes.map((t) => t.title)).toEqual(['A theme'])
    expect(document.actions.map((a) => a.description)).toEqual(['An action'])
  })

  it('refuses a cell in a column with no header, and a sheet with nothing below its header', async () => {
    const text = `${layoutHeaders.join(',')}\r\nTheme 1,A theme,,,,An action,,,,,,,,Stray\r\n`
    expect(problemsOf(await parseCsv(encode(text)))).toEqual([
      {
        row: 2,
        column: 'N',
        cell: 'N2',
        message: 'This cell is in a column with no header: this import reads only the columns its header row names.',
      },
    ])
    expect(problemsOf(await parseCsv(csvBytes([])))).toEqual([
      { message: 'There are no rows below the header: a plan has at least one theme.' },
    ])
  })
})
