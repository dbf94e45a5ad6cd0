import { describe, expect, it } from 'vitest'
import { directionOfTravel, measureStanding, type MeasureFigures } from './measure-standing'

const today = '2026-12-02'
const measure = (overrides: Partial<MeasureFigures>, ...values: number[]): MeasureFigures => ({
  direction: 'higher-is-better',
  targets: [{ value: 80, by: '2027-03-31' }],
  actuals: values.map((value, i) => ({ period: `Q${i + 1}`, value })),
  tolerancePercent: 10,
  ...overrides,
})
const ragOf = (figures: MeasureFigures) => {
  const standing = measureStanding(figures, today)
  return standing.kind === 'rated' ? standing.rag : standing.kind
}

describe('a measure’s RAG against its target and tolerance', () => {
  it('higher is better: meeting the target is green, within 10% short amber, further red', () => {
    expect([80, 95, 79.99, 72, 71.99, 0].map((v) => ragOf(measure({}, v)))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
      'red',
    ])
  })

  it('lower is better: the band is above the target', () => {
    const lower = { direction: 'lower-is-better' as const, targets: [{ value: 15, by: '2027-03-31' }] }
    expect([15, 9, 15.01, 16.5, 16.51].map((v) => ragOf(measure(lower, v)))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
    ])
  })

  it('a tolerance of nothing leaves no amber; a wider one widens it', () => {
    expect(ragOf(measure({ tolerancePercent: 0 }, 79.9))).toBe('red')
    expect(ragOf(measure({ tolerancePercent: 25 }, 60))).toBe('amber')
    expect(ragOf(measure({ tolerancePercent: 25 }, 59.9))).toBe('red')
  })

  it('judges the latest figure against the target not yet past, or the last one once all are', () => {
    const targets = [
      { value: 50, by: '2026-03-31' },
      { value: 70, by: '2027-03-31' },
      { value: 90, by: '2028-03-31' },
    ]
    expect(measureStanding(measure({ targets }, 40, 66), today)).toMatchObject({
      kind: 'rated',
      target: 70,
      rag: 'amber',
    })
    expect(measureStanding(measure({ targets }, 66), '2029-01-01')).toMatchObject({ target: 90, rag: 'red' })
  })

  it('is data only with no numeric target or no direction, and says which; nothing recorded is no data', () => {
    expect(measureStanding(measure({ targets: [{ text: 'In line with statistical neighbours' }] }, 3), today)).toEqual({
      kind: 'data-only',
      actual: 3,
      period: 'Q1',
      why: 'no target',
    })
    expect(measureStanding(measure({ direction: null }, 3), today)).toMatchObject({
      kind: 'data-only',
      why: 'no direction',
    })
    expect(measureStanding(measure({}), today)).toEqual({ kind: 'no data' })
  })
})

describe('direction of travel since the last period', () => {
  it('is judged by which way is better', () => {
    expect(directionOfTravel(measure({}, 60, 65))).toBe('improving')
    expect(directionOfTravel(measure({}, 65, 60))).toBe('worsening')
    expect(directionOfTravel(measure({ direction: 'lower-is-better' }, 65, 60))).toBe('improving')
    expect(directionOfTravel(measure({}, 60, 60))).toBe('no change')
  })

  it('needs two figures and a direction', () => {
    expect(directionOfTravel(measure({}, 60))).toBeNull()
    expect(directionOfTravel(measure({ direction: null }, 60, 70))).toBeNull()
  })
})
