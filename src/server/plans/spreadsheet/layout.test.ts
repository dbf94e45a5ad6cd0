// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { PlanDocument } from '../../../shared/plans/plan-document'
import { parsePlanSpreadsheet, type ParseResult, type SpreadsheetProblem } from './index'
import { rbwmPlanFields } from './rbwm-theme-1.fixture'
import { csvBytes, layoutHeaders } from './spreadsheet-files.fixture'

/** A row of the layout, by header: the cells not named are blank. */
const row = (cells: Record<string, string>) => layoutHeaders.map((header) => cells[header] ?? '')
const parseRows = (rows: Record<string, string>[]) =>
  parsePlanSpreadsheet(csvBytes(rows.map(row)), { format: 'csv', plan: rbwmPlanFields })

function documentOf(result: ParseResult): PlanDocument {
  if ('problems' in result) throw new Error(`Refused: ${JSON.stringify(result.problems, null, 1)}`)
  return result.document
}
function problemsOf(result: ParseResult): SpreadsheetProblem[] {
  if ('document' in result) throw new Error('Expected the spreadsheet to be refused')
  return result.problems
}
const outline = (document: PlanDocument) =>
  document.themes.map((theme) => ({
    theme: theme.title,
    actions: document.actions
      .filter((action) => action.theme === theme.key)
      .map((action) => ({
        action: action.description,
        milestones: document.milestones.filter((m) => m.action === action.key).map((m) => m.title),
      })),
  }))

const theme1 = { 'Theme code': 'A', 'Theme title': 'Stronger families', 'Theme owners': 'Director of Early Help' }
const theme2 = { 'Theme code': 'B', 'Theme title': 'Positive futures' }
const action1 = { 'Action code': 'A1', 'Action description': 'Rebuild the front door' }
const action2 = { 'Action code': 'A2', 'Action description': 'Open two family hubs' }

describe('how rows make themes, actions and milestones', () => {
  it('reads repeated theme and action cells as it reads them left blank', async () => {
    const blank = await parseRows([
      { ...theme1, ...action1, Milestone: 'Map the referral routes' },
      { Milestone: 'Train the hub staff' },
      { ...action2 },
    ])
    const repeated = await parseRows([
      { ...theme1, ...action1, Milestone: 'Map the referral routes' },
      { ...theme1, ...action1, Milestone: 'Train the hub staff' },
      { ...theme1, ...action2 },
    ])
    expect(documentOf(repeated)).toEqual(documentOf(blank))
    expect(outline(documentOf(blank))).toEqual([
      {
        theme: 'Stronger families',
        actions: [
          { action: 'Rebuild the front door', milestones: ['Map the referral routes', 'Train the hub staff'] },
          { action: 'Open two family hubs', milestones: [] },
        ],
      },
    ])
  })

  it('gathers the rows of a theme or an action named again further down, by its code, else its title, else its description', async () => {
    const document = documentOf(
      await parseRows([
        { ...theme1, ...action1, Milestone: 'First' },
        { ...theme2, 'Action description': 'Widen apprenticeships', Milestone: 'Second' },
        { 'Theme code': 'A', 'Action code': 'A1', Milestone: 'Third' },
        { 'Theme title': 'Positive futures', 'Action description': 'Widen apprenticeships', Milestone: 'Fourth' },
      ]),
    )
    expect(outline(document)).toEqual([
      { theme: 'Stronger families', actions: [{ action: 'Rebuild the front door', milestones: ['First', 'Third'] }] },
      { theme: 'Positive futures', actions: [{ action: 'Widen apprenticeships', milestones: ['Second', 'Fourth'] }] },
    ])
  })

  it('keeps actions of the same code in two themes apart', async () => {
    const document = documentOf(
      await parseRows([
        { ...theme1, 'Action code': '1', 'Action description': 'Rebuild the front door' },
        { ...theme2, 'Action code': '1', 'Action description': 'Widen apprenticeships' },
      ]),
    )
    expect(document.actions.map((a) => [a.key, a.theme, a.code])).toEqual([
      ['a-1', 'a', '1'],
      ['b-1', 'b', '1'],
    ])
  })

  it('reads every column: codes, titles, leads with people, deadlines and monitoring', async () => {
    const document = documentOf(
      await parseRows([
        {
          ...theme1,
          'Theme owners': 'Director of Early Help; Head of Safeguarding: Jo Bloggs',
          'Action code': 'A1',
          'Action title': 'Front door',
          'Action description': 'Rebuild the front door',
          'Action leads': 'Head of MASH\nService Leader - Safeguarding',
          'Action deadline': 'March 2018 and ongoing',
          'Action monitoring': 'Quarterly to the Improvement Board',
          Milestone: 'Map the referral routes',
          'Milestone leads': 'Head of MASH: Sam Jones;',
          'Milestone deadline': 'Ongoing',
          'Milestone monitoring': 'MASH strategic board',
        },
      ]),
    )
    expect(document.themes[0]).toMatchObject({
      key: 'a',
      code: 'A',
      owners: [{ role: 'Director of Early Help' }, { role: 'Head of Safeguarding', person: 'Jo Bloggs' }],
    })
    expect(document.actions[0]).toMatchObject({
      key: 'a-a1',
      code: 'A1',
      title: 'Front door',
      leads: [{ role: 'Head of MASH' }, { role: 'Service Leader - Safeguarding' }],
      deadline: { text: 'March 2018 and ongoing', date: '2018-03-31' },
      monitoring: 'Quarterly to the Improvement Board',
    })
    expect(document.milestones[0]).toEqual({
      key: 'a-a1-map-the-referral-routes',
      action: 'a-a1',
      title: 'Map the referral routes',
      leads: [{ role: 'Head of MASH', person: 'Sam Jones' }],
      deadline: { text: 'Ongoing' },
      monitoring: 'MASH strategic board',
    })
  })

  it('makes keys from titles where there is no code, numbering twins in order and hashing text with no Latin letters', async () => {
    const document = documentOf(
      await parseRows([
        { 'Theme title': 'Safe & well', 'Action description': 'Audit cases', Milestone: 'Monthly audit' },
        { Milestone: 'Monthly audit' },
        { 'Theme title': 'Safe and well!', 'Action description': 'Audit cases' },
        { 'Theme title': 'Diogelu plant', 'Action description': '家庭支援' },
      ]),
    )
    expect(document.themes.map((t) => t.key)).toEqual(['safe-and-well', 'safe-and-well-2', 'diogelu-plant'])
    expect(document.milestones.map((m) => m.key)).toEqual([
      'safe-and-well-audit-cases-monthly-audit',
      'safe-and-well-audit-cases-monthly-audit-2',
    ])
    expect(document.actions[2]!.key).toMatch(/^diogelu-plant-x[0-9a-f]{8}$/)
  })
})

describe('rows the layout refuses', () => {
  it('refuses a first row with no theme', async () => {
    expect(problemsOf(await parseRows([{ ...action1 }]))).toEqual([
      {
        row: 2,
        column: 'Theme title',
        cell: 'B2',
        message: 'This row has no theme: give a Theme title on this row or on a row above.',
      },
    ])
  })

  it('refuses a theme or an action that begins without its title or description', async () => {
    const problems = problemsOf(
      await parseRows([{ ...theme1, ...action1 }, { 'Theme code': 'C' }, { 'Theme code': 'A', 'Action code': 'A9' }]),
    )
    expect(problems).toEqual([
      {
        row: 3,
        column: 'Theme title',
        cell: 'B3',
        message: 'A theme begins here (no theme above is "C"): give its Theme title.',
      },
      {
        row: 4,
        column: 'Action description',
        cell: 'F4',
        message: 'An action begins here (no action above in this theme is "A9"): give its Action description.',
      },
    ])
  })

  it('refuses a repeated cell that says something else than the row where its theme or action begins', async () => {
    const problems = problemsOf(
      await parseRows([
        { ...theme1, ...action1, 'Action leads': 'Head of MASH' },
        { 'Theme code': 'A', 'Theme owners': 'Someone else', 'Action code': 'A1', 'Action leads': 'Head of MASH' },
        { 'Action leads': 'Head of Youth Services' },
      ]),
    )
    expect(problems).toEqual([
      {
        row: 3,
        column: 'Theme owners',
        cell: 'C3',
        message:
          'This row is in the theme that begins on row 2, where Theme owners says something else. Leave it blank here, or make it the same.',
      },
      {
        row: 4,
        column: 'Action leads',
        cell: 'G4',
        message:
          'This row is in the action that begins on row 2, where Action leads says something else. Leave it blank here, or make it the same.',
      },
    ])
  })

  it('refuses a code beside the title of a theme begun without it, rather than make a second theme of that title', async () => {
    const problems = problemsOf(await parseRows([{ 'Theme title': 'Stronger families', ...action1 }, { ...theme1 }]))
    expect(problems.map((p) => [p.cell, p.message])).toEqual([
      [
        'A3',
        'This row is in the theme that begins on row 2, where Theme code says something else. Leave it blank here, or make it the same.',
      ],
      [
        'C3',
        'This row is in the theme that begins on row 2, where Theme owners says something else. Leave it blank here, or make it the same.',
      ],
    ])
  })

  it('refuses a milestone with no action, including under a theme that begins on its row', async () => {
    const problems = problemsOf(
      await parseRows([{ ...theme1, Milestone: 'Orphan' }, { ...action1 }, { ...theme2, Milestone: 'Another' }]),
    )
    const message =
      'This milestone has no action: give an Action description on this row or on a row above, in the same theme.'
    expect(problems).toEqual([
      { row: 2, column: 'Milestone', cell: 'J2', message },
      { row: 4, column: 'Milestone', cell: 'J4', message },
    ])
  })

  it("refuses a milestone's cells without its title, and an action's without the action", async () => {
    const problems = problemsOf(
      await parseRows([
        { ...theme1, 'Action leads': 'Head of MASH' },
        { ...action1, 'Milestone deadline': 'June 2017' },
      ]),
    )
    expect(problems).toEqual([
      {
        row: 2,
        column: 'Action leads',
        cell: 'G2',
        message: 'This row has no action: give an Action description on this row or on a row above.',
      },
      {
        row: 3,
        column: 'Milestone deadline',
        cell: 'L3',
        message: "Milestone deadline is filled but Milestone is blank: give the milestone's title.",
      },
    ])
  })

  it('refuses a lead with nothing before its colon, naming the path it would go to', async () => {
    const problems = problemsOf(
      await parseRows([{ ...theme1, ...action1, 'Action leads': 'Head of MASH; : Sam Jones' }]),
    )
    expect(problems).toEqual([
      {
        row: 2,
        column: 'Action leads',
        cell: 'G2',
        path: 'actions[0].leads',
        message:
          'Each lead is a role, then optionally a colon and the person: a lead here has nothing before its colon.',
      },
    ])
  })

  it('lists every problem of the sheet at once, in row order, up to 200 and a count of the rest', async () => {
    const rows = Array.from({ length: 250 }, (_, n) => ({ 'Theme code': `T${n}`, Milestone: 'Orphan' }))
    const problems = problemsOf(await parseRows(rows))
    expect(problems).toHaveLength(201)
    expect(problems[0]).toMatchObject({ row: 2, cell: 'B2' })
    expect(problems[199]).toMatchObject({ row: 201, cell: 'B201' })
    expect(problems[200]).toEqual({ message: '…and 50 more problems. Fix these first.' })
  })
})
