import { describe, expect, it } from 'vitest'
import { int4, pgDate, pgText, pgTimestamp, storable, uuid } from './pg-values'

describe('values PostgreSQL accepts', () => {
  it('tells text PostgreSQL can store from text with a NUL or half an emoji', () => {
    for (const fine of ['', 'Visits went to plan.', '😀 at the start', 'ends with 😀', '😀😀', 'Ünïcödé'])
      expect(storable(fine), fine).toBe(true)
    for (const bad of [
      'a\u0000b',
      '\ud83d',
      'end \ud83d',
      '\ude00 start',
      'x\ude00',
      '😀\ude00',
      '\ud83d\ud83d\ude00',
      '\ude00\ud83d',
    ])
      expect(storable(bad), JSON.stringify(bad)).toBe(false)
    expect(pgText(10, { trim: true }).safeParse('  padded  ').data).toBe('padded')
    expect(pgText(10).safeParse('x'.repeat(11)).success).toBe(false)
  })

  it('takes calendar dates and moments only within the years asked', () => {
    expect(pgDate().safeParse('2026-02-28').success).toBe(true)
    for (const bad of ['0000-01-01', '1999-12-31', '2101-01-01', '2026-02-30', '2026-13-01', '99999-01-01'])
      expect(pgDate().safeParse(bad).success, bad).toBe(false)
    expect(pgTimestamp().safeParse('2026-11-05T10:30:00+01:00').success).toBe(true)
    // Written in 2000, but 1999 in UTC.
    for (const bad of [
      '2000-01-01T00:30:00+01:00',
      '0000-01-01T00:00:00Z',
      '1970-01-01T00:00:00Z',
      '2026-11-05T10:30:00',
      'yesterday',
    ])
      expect(pgTimestamp().safeParse(bad).success, bad).toBe(false)
  })

  it('keeps integers within int4, and ids in lower case', () => {
    expect(int4().safeParse(2 ** 31 - 1).success).toBe(true)
    for (const bad of [2 ** 31, -(2 ** 31) - 1, 1.5]) expect(int4().safeParse(bad).success, String(bad)).toBe(false)
    expect(uuid().parse('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
  })
})
