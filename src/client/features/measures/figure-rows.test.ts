import { describe, expect, it } from 'vitest'
import { figureRows, periodEnd } from './figure-rows'

describe('the day a period ends', () => {
  it('reads the app’s quarters and financial years, and nothing else', () => {
    expect(['2026/27 Q1', '2026/27 Q2', '2026/27 Q3', '2026/27 Q4', '2026/27'].map(periodEnd)).toEqual([
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
      '2027-03-31',
      '2027-03-31',
    ])
    expect(periodEnd('Staff survey 2018')).toBeUndefined()
  })
})

describe('each figure against the target of its time', () => {
  const targets = [
    { value: 60, by: '2021-03-31' },
    { value: 75, by: '2024-03-31' },
  ]
  const measure = (actuals: { period: string; value: number; recordedAt?: string }[]) => ({
    direction: 'higher-is-better' as const,
    targets,
    actuals,
    tolerancePercent: 10,
  })

  it('takes the target in force when the period ended, else when it was recorded, else today', () => {
    const rows = figureRows(
      measure([
        { period: '2020/21 Q4', value: 58 },
        { period: '2021/22 Q1', value: 58 },
        { period: 'Staff survey', value: 70, recordedAt: '2020-06-01T10:00:00.000Z' },
        { period: 'Pulse survey', value: 70 },
      ]),
      '2026-12-03',
    )
    expect(rows.map((row) => [row.target, row.standing.kind === 'rated' && row.standing.rag])).toEqual([
      [60, 'amber'],
      [75, 'red'],
      [60, 'green'],
      [75, 'amber'],
    ])
  })

  it('shows the target even where the figure cannot be judged against it', () => {
    const [row] = figureRows({ ...measure([{ period: '2020/21 Q4', value: 58 }]), direction: null }, '2026-12-03')
    expect(row).toMatchObject({ target: 60, standing: { kind: 'data-only', why: 'no direction' } })
  })
})
