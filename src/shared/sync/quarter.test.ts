import { describe, expect, it } from 'vitest'
import { quarterBefore, quarterOf, quarterYearBefore } from './quarter'

describe('reporting quarters', () => {
  it('names the quarter of a day in the April-to-March year', () => {
    expect(quarterOf('2026-11-05T12:00:00Z')).toBe('2026/27 Q3')
    expect(quarterOf('2027-02-10T12:00:00Z')).toBe('2026/27 Q4')
    expect(quarterOf('2026-04-01T00:00:00Z')).toBe('2026/27 Q1')
    expect(quarterOf('1999-05-01T00:00:00Z')).toBe('1999/00 Q1')
  })

  it('steps back a quarter, into the year before from Q1', () => {
    expect(quarterBefore('2026/27 Q3')).toBe('2026/27 Q2')
    expect(quarterBefore('2026/27 Q1')).toBe('2025/26 Q4')
    expect(quarterBefore('2000/01 Q1')).toBe('1999/00 Q4')
  })

  it('finds the same quarter a year before', () => {
    expect(quarterYearBefore('2026/27 Q3')).toBe('2025/26 Q3')
    expect(quarterYearBefore('2000/01 Q1')).toBe('1999/00 Q1')
  })
})
