import { describe, expect, it } from 'vitest'
import type { Evidence, Measure, Milestone, ProgressUpdate, Risk } from '../entities'
import { actions, ids, measureOf, milestones, person, plan, riskOf, themes } from '../../../tests/support/plan-records'
import type { MonitoringRecords } from './monitoring-records'
import { buildQuarterlyReport } from './quarterly-report'
import { quarterlyReportSchema } from './quarterly-report-schema'

// A small plan in its 2020/21 Q4 (January to March 2021), as at 15 March 2021.
const quarter = '2020/21 Q4'
const today = '2021-03-15'
const uuid = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`
const actionId = (code: string) => actions.find((action) => action.code === code)!.id
const stranger = uuid(999)

function update(
  n: number,
  code: string,
  rag: ProgressUpdate['rag'],
  madeAt: string,
  commentary: string,
): ProgressUpdate {
  return {
    id: uuid(n),
    version: 1,
    actionId: actionId(code),
    period: '2020/21 Q4',
    rag,
    commentary,
    authorId: n === 4 ? stranger : person.id,
    madeAt,
    receivedAt: madeAt,
  }
}

const progressUpdates = [
  update(1, 'K1', 'green', '2020-11-01T10:00:00Z', 'Framework drafted.'),
  update(2, 'K1', 'red', '2021-02-01T10:00:00Z', 'Recruiting two more practice leads to catch up.'),
  update(3, 'R1', 'amber', '2021-03-01T10:00:00Z', 'Training moved to April; extra sessions booked.'),
  update(4, 'C1', 'green', '2021-02-10T10:00:00Z', 'Two homes open.'),
  update(5, 'K2', 'amber', '2020-12-01T10:00:00Z', 'Protocol waiting on health partners.'),
  // After the day the report is as at: not counted.
  update(6, 'K2', 'green', '2021-03-20T10:00:00Z', 'Protocol agreed.'),
]

function milestone(n: number, code: string, title: string, dueDate: string, done?: string): Milestone {
  return {
    ...milestones[0]!,
    id: uuid(100 + n),
    actionId: actionId(code),
    title,
    dueDate,
    status: done ? 'complete' : 'on-track',
    statusSetAt: done ?? null,
    position: n,
  }
}

const planMilestones = [
  milestones[0]!, // K2, due 31 January 2021, not complete: missed
  milestone(1, 'C1', 'First home registered', '2021-02-15', '2021-02-10T12:00:00Z'),
  milestone(2, 'R1', 'Practice leads trained', '2021-03-31'),
  milestone(3, 'K1', 'Framework launched', '2021-02-20', '2021-03-01T12:00:00Z'),
  milestone(4, 'K1', 'Framework reviewed', '2021-05-01'),
]

const measure = (n: number, fields: Partial<Measure>) =>
  measureOf(uuid(200 + n), { title: `Measure ${n}`, tolerancePercent: 5, ...fields })

const measures = [
  measure(1, {
    title: 'Child protection plans reviewed on time',
    targets: [{ value: 90, by: '2021-03-31' }],
    actuals: [
      { period: '2019/20 Q4', value: 80 },
      { period: '2020/21 Q3', value: 84 },
      { period: '2020/21 Q4', value: 86, note: 'Two reviews late in February.' },
    ],
  }),
  measure(2, {
    title: 'Staff who would recommend working here',
    targets: [{ value: 70, by: '2021-03-31' }],
    actuals: [{ period: 'Values survey 2020', value: 55, note: 'Staff survey closed 2021-02-28' }],
  }),
  measure(3, {
    title: 'Agency social workers',
    unit: 'count',
    direction: 'lower-is-better',
    actuals: [
      { period: '2020/21 Q3', value: 12 },
      { period: '2020/21 Q4', value: 10 },
    ],
  }),
]

const risk = (n: number, fields: Partial<Risk>) =>
  riskOf(uuid(300 + n), { description: `Risk ${n}`, owner: 'Director of Children’s Services', position: n, ...fields })

const assessment = (quarter: string, residual: number) => ({
  quarter,
  likelihood: 4,
  impact: 4,
  residualLikelihood: residual,
  residualImpact: residual,
  assessedBy: person.id,
  assessedAt: '2021-01-10T10:00:00Z',
})

const risks = [
  risk(1, {
    title: 'Not enough social workers',
    likelihood: 4,
    impact: 4,
    residualLikelihood: 2,
    residualImpact: 2,
    assessments: [assessment('2020/21 Q3', 4), assessment('2020/21 Q4', 3), assessment('2021/22 Q1', 2)],
  }),
  risk(2, { description: 'Too few local placements', likelihood: 3, impact: 5 }),
  risk(3, { description: 'Not rated yet' }),
]

function evidence(n: number, code: string, madeAt: string, note: string, milestoneId: string | null = null): Evidence {
  return {
    id: uuid(400 + n),
    version: 1,
    actionId: actionId(code),
    milestoneId,
    note,
    authorId: person.id,
    madeAt,
    receivedAt: madeAt,
  }
}

const records: MonitoringRecords = {
  plan,
  themes,
  actions,
  milestones: planMilestones,
  measures,
  risks,
  progressUpdates,
  evidence: [
    evidence(1, 'K1', '2020-12-01T10:00:00Z', 'Draft framework (last quarter)'),
    evidence(2, 'R1', '2021-03-02T10:00:00Z', 'Training register'),
    evidence(3, 'K1', '2021-02-02T10:00:00Z', 'Launch slides', planMilestones[3]!.id),
    evidence(4, 'K1', '2021-03-01T10:00:00Z', 'Launch feedback'),
    evidence(5, 'K1', '2021-03-20T10:00:00Z', 'After the day the report is as at'),
  ],
}

const report = buildQuarterlyReport(records, quarter, today, { people: { [person.id]: person.name } })

describe('the quarterly report', () => {
  it('is a value its schema takes back whole, as a locked report is stored', () => {
    expect(quarterlyReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report)
    expect(report).toMatchObject({
      format: 1,
      plan: { id: ids.plan, title: 'Achieving more' },
      quarter,
      quarterStart: '2021-01-01',
      quarterEnd: '2021-03-31',
      asAt: today,
    })
  })

  it('sums up the RAG counts for the plan and each theme, updates after the day left out', () => {
    expect(report.summary.actions).toBe(6)
    expect(report.summary.actionsByRag).toEqual({ green: 1, amber: 2, red: 1, 'no update': 2 })
    expect(report.summary.milestones).toEqual({ due: 4, met: 1, missed: 2, open: 1 })
    expect(report.summary.measuresByStanding).toEqual({ green: 0, amber: 1, red: 1, 'data only': 1, 'no data': 0 })
    expect(report.summary.risksByBand).toEqual({ 'very high': 1, high: 0, medium: 1, low: 0, unrated: 1 })
    expect(report.summary.themes.map((theme) => [theme.title, theme.actionsByRag])).toEqual([
      ['Stronger families', { green: 0, amber: 1, red: 1, 'no update': 1 }],
      ['Positive futures', { green: 1, amber: 1, red: 0, 'no update': 1 }],
    ])
  })

  it('lists each theme’s actions in order with their status and latest commentary', () => {
    expect(report.themes.map((theme) => [theme.title, theme.actions.map((action) => action.code)])).toEqual([
      ['Stronger families', ['K1', 'R1', 'C2']],
      ['Positive futures', ['C1', 'K2', 'R2']],
    ])
    const [k1, , c2] = report.themes[0]!.actions
    expect(k1).toMatchObject({
      title: 'Embed a practice framework in Kingston',
      status: 'not-started',
      rag: 'red',
      leads: 'Associate Director',
      latest: { rag: 'red', commentary: 'Recruiting two more practice leads to catch up.', author: 'Alex Test' },
    })
    expect(c2).toMatchObject({ rag: 'no update', latest: null })
    expect(report.themes[1]!.actions[0]!.latest?.author).toBe('Someone not on the staff list')
    expect(report.themes[1]!.actions[1]!.latest?.commentary).toBe('Protocol waiting on health partners.')
  })

  it('lists the exceptions, red before amber, with the latest commentary as the remedial action', () => {
    expect(report.exceptions.actions.map((action) => [action.code, action.rag, action.remedialAction])).toEqual([
      ['K1', 'red', 'Recruiting two more practice leads to catch up.'],
      ['R1', 'amber', 'Training moved to April; extra sessions booked.'],
      ['K2', 'amber', 'Protocol waiting on health partners.'],
    ])
    expect(report.exceptions.measures).toEqual([
      {
        id: measures[1]!.id,
        title: 'Staff who would recommend working here',
        rag: 'red',
        actual: 55,
        target: 70,
        period: 'Values survey 2020',
        note: 'Staff survey closed 2021-02-28',
      },
      {
        id: measures[0]!.id,
        title: 'Child protection plans reviewed on time',
        rag: 'amber',
        actual: 86,
        target: 90,
        period: '2020/21 Q4',
        note: 'Two reviews late in February.',
      },
    ])
  })

  it('lists the milestones due in the quarter by date, met, missed or still open', () => {
    expect(report.milestones).toMatchObject({ due: 4, met: 1, missed: 2, open: 1 })
    expect(report.milestones.items.map((item) => [item.dueDate, item.title, item.action.code, item.outcome])).toEqual([
      ['2021-01-31', 'A revised transitions protocol has been agreed', 'K2', 'missed'],
      ['2021-02-15', 'First home registered', 'C1', 'met'],
      ['2021-02-20', 'Framework launched', 'K1', 'missed'],
      ['2021-03-31', 'Practice leads trained', 'R1', 'open'],
    ])
  })

  it('scores each measure: actual, target, standing, direction of travel and last year’s figure', () => {
    expect(report.measures.map(({ id: _, ...row }) => row)).toEqual([
      {
        title: 'Agency social workers',
        unit: 'count',
        standing: 'data only',
        actual: 10,
        actualPeriod: '2020/21 Q4',
        target: null,
        direction: 'improving',
        lastYear: null,
      },
      {
        title: 'Child protection plans reviewed on time',
        unit: 'percent',
        standing: 'amber',
        actual: 86,
        actualPeriod: '2020/21 Q4',
        target: 90,
        direction: 'improving',
        lastYear: 80,
      },
      {
        title: 'Staff who would recommend working here',
        unit: 'percent',
        standing: 'red',
        actual: 55,
        actualPeriod: 'Values survey 2020',
        target: 70,
        direction: null,
        lastYear: null,
      },
    ])
  })

  it('rates each risk as at the quarter and shows how it moved since the quarter before', () => {
    expect(report.risks.map(({ id: _, reviewDate: __, owner: ___, ...row }) => row)).toEqual([
      {
        title: 'Not enough social workers',
        inherent: { likelihood: 4, impact: 4 },
        // Its rating in the quarter, not the one of the quarter after.
        residual: { likelihood: 3, impact: 3 },
        score: 9,
        band: 'medium',
        movement: 'down',
        previousScore: 16,
      },
      {
        title: 'Too few local placements',
        inherent: { likelihood: 3, impact: 5 },
        residual: null,
        score: 15,
        band: 'very high',
        movement: 'new',
        previousScore: null,
      },
      {
        title: 'Not rated yet',
        inherent: null,
        residual: null,
        score: null,
        band: 'unrated',
        movement: null,
        previousScore: null,
      },
    ])
  })

  it('lists the staff survey results against the plan’s targets', () => {
    expect(report.surveys).toEqual([
      {
        measureId: measures[1]!.id,
        title: 'Staff who would recommend working here',
        unit: 'percent',
        survey: 'Values survey 2020',
        actual: 55,
        target: 70,
        standing: 'red',
      },
    ])
  })

  it('counts and lists the evidence gathered in the quarter, by action', () => {
    expect(report.evidence.count).toBe(3)
    expect(
      report.evidence.actions.map(({ action, items }) => [
        action.code,
        items.map((item) => [item.note, item.milestoneTitle]),
      ]),
    ).toEqual([
      [
        'K1',
        [
          ['Launch slides', 'Framework launched'],
          ['Launch feedback', null],
        ],
      ],
      ['R1', [['Training register', null]]],
    ])
  })

  it('shows a past quarter as it stood: the quarter before has its own figures', () => {
    const before = buildQuarterlyReport(records, '2020/21 Q3', '2020-12-31', { people: {} })
    expect(before.quarterStart).toBe('2020-10-01')
    expect(before.summary.actionsByRag).toEqual({ green: 1, amber: 1, red: 0, 'no update': 4 })
    expect(before.risks[0]).toMatchObject({ residual: { likelihood: 4, impact: 4 }, movement: 'new' })
    expect(before.evidence.count).toBe(1)
  })
})
