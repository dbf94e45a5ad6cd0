import { describe, expect, it } from 'vitest'
import { formatDay, formatMoment, formatMonth } from './format'

describe('dates as people read them', () => {
  it('names the month of a target date', () => {
    expect(formatMonth('2021-03-31')).toBe('March 2021')
    expect(formatDay('2024-03-31')).toBe('31 March 2024')
  })

  it('says today and yesterday for recent syncs', () => {
    const now = new Date(2026, 10, 23, 15, 0)
    expect(formatMoment(new Date(2026, 10, 23, 10, 42).toISOString(), now)).toBe('today at 10:42')
    expect(formatMoment(new Date(2026, 10, 22, 9, 5).toISOString(), now)).toBe('yesterday at 09:05')
    expect(formatMoment(new Date(2026, 10, 3, 16, 5).toISOString(), now)).toBe('3 Nov, 16:05')
  })
})
