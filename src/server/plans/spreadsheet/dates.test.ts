// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { deadlineOf, readDeadlineDate, readExactDate } from './dates'

describe('reading a deadline written as text', () => {
  // Every deadline of RBWM's 2017-18 improvement plan, with the date its plan document gives it.
  it.each([
    ['April 2017', '2017-04-30'],
    ['April 2017 and ongoing', '2017-04-30'],
    ['December 2016', '2016-12-31'],
    ['February 2017', '2017-02-28'],
    ['February 2017 and ongoing', '2017-02-28'],
    ['February 2017 onwards', '2017-02-28'],
    ['From March 2017', '2017-03-31'],
    ['January 2017 and quarterly thereafter.', '2017-01-31'],
    ['January – March 2017', '2017-03-31'],
    ['June 2017', '2017-06-30'],
    ['March 2017 and ongoing', '2017-03-31'],
    ['March 2018', '2018-03-31'],
    ['September 2017', '2017-09-30'],
    ['Start July 2016 and every two months thereafter.', '2016-07-31'],
  ])('reads "%s" as %s, the end of the last month named', (text, date) => {
    expect(readDeadlineDate(text)).toBe(date)
  })

  it.each([
    ['31st March 2018', '2018-03-31'],
    ['by 15 June 2017', '2017-06-15'],
    ['Sept. 2017', '2017-09-30'],
    ['February 2020', '2020-02-29'],
    ['15/06/2017', '2017-06-15'],
    ['2017-06-15 at the latest', '2017-06-15'],
    ['March 2017 – 30/09/2017', '2017-09-30'],
  ])('reads "%s" as %s: a day named is kept, numbers are day first', (text, date) => {
    expect(readDeadlineDate(text)).toBe(date)
  })

  it.each([
    'Ongoing',
    'Q3 2017/18',
    'Spring 2018',
    '2018',
    'Mayor 2017',
    '31 February 2017',
    '13/13/2017',
    'March 1999',
    'March 2101',
    '',
  ])('reads no date from "%s"', (text) => {
    expect(readDeadlineDate(text)).toBeUndefined()
  })

  it('keeps the text as written beside the date, and an XLSX date cell as it is', () => {
    expect(deadlineOf({ text: 'March 2017 and ongoing' })).toEqual({
      text: 'March 2017 and ongoing',
      date: '2017-03-31',
    })
    expect(deadlineOf({ text: 'Ongoing' })).toEqual({ text: 'Ongoing' })
    expect(deadlineOf({ text: '31 March 2017', date: '2017-03-31' })).toEqual({
      text: '31 March 2017',
      date: '2017-03-31',
    })
  })
})

describe('reading a whole date', () => {
  it('takes one date with its day, however it is written', () => {
    expect(readExactDate({ text: '01/04/2017' })).toBe('2017-04-01')
    expect(readExactDate({ text: '1 April 2017' })).toBe('2017-04-01')
    expect(readExactDate({ text: '2017-04-01' })).toBe('2017-04-01')
    expect(readExactDate({ text: '', date: '2017-04-01' })).toBe('2017-04-01')
  })

  it('refuses a month without a day, two dates, or none', () => {
    expect(readExactDate({ text: 'April 2017' })).toBeUndefined()
    expect(readExactDate({ text: '01/04/2017 to 31/03/2018' })).toBeUndefined()
    expect(readExactDate({ text: 'next spring' })).toBeUndefined()
  })
})
