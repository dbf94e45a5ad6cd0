import { describe, expect, it } from 'vitest'
import { nextPeriod, nextTitle, yearLater } from './next-version'

describe('next year’s version of a plan', () => {
  it.each([
    ['2025-26', '2026-27'],
    ['2025/26', '2026/27'],
    ['Business plan 2020/24', 'Business plan 2021/25'],
    ['2019 to 2024', '2020 to 2025'],
    ['2017-2018', '2018-2019'],
    ['2099-00', '2100-01'],
    ['From March 2017; no end date stated', 'From March 2018; no end date stated'],
    ['2018 - 2020 (first year of delivery 2018 - 2019)', '2019 - 2021 (first year of delivery 2019 - 2020)'],
  ])('moves the years of “%s” on by one: “%s”', (text, next) => {
    expect(nextPeriod(text)).toBe(next)
  })

  it('says a title naming no year is the next version', () => {
    expect(nextPeriod('Children’s Improvement Plan')).toBeUndefined()
    expect(nextTitle('Children’s Improvement Plan')).toBe('Children’s Improvement Plan (next version)')
    expect(nextTitle('Children’s Services Business Plan 2017-2018')).toBe('Children’s Services Business Plan 2018-2019')
  })

  it('moves a date on by a year, 29 February to 28 February', () => {
    expect(yearLater('2025-04-01')).toBe('2026-04-01')
    expect(yearLater('2024-02-29')).toBe('2025-02-28')
    expect(yearLater('2023-02-28')).toBe('2024-02-28')
  })
})
