import { saneYears } from '../../../shared/pg-values'
import type { Cell } from './cells'

const monthWords =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec'
const monthOrder = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/** "March 2017", "31st March 2017", "Sept. 2017". */
const writtenDate = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(${monthWords})\\.?,?\\s+(\\d{4})\\b`, 'gi')
/** "31/03/2017" (day first, as in Britain) and "2017-03-31". */
const numericDate = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b/g

interface Named {
  at: number
  year: number
  month: number
  day?: number
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const pad = (n: number) => String(n).padStart(2, '0')

function namedDates(text: string): Named[] {
  const named: Named[] = []
  for (const match of text.matchAll(writtenDate)) {
    const month = monthOrder.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1
    named.push({ at: match.index, year: Number(match[3]), month, ...(match[1] ? { day: Number(match[1]) } : {}) })
  }
  for (const match of text.matchAll(numericDate)) {
    const [day, month, year] = match[1] ? [match[1], match[2], match[3]] : [match[6], match[5], match[4]]
    named.push({ at: match.index, year: Number(year), month: Number(month), day: Number(day) })
  }
  return named.sort((a, b) => a.at - b.at)
}

/** YYYY-MM-DD for a named date that exists in sane years; a month without a day is its last day. */
function isoOf(named: Named | undefined): string | undefined {
  if (!named || named.month < 1 || named.month > 12 || named.year < saneYears.min || named.year > saneYears.max)
    return undefined
  const monthEnd = daysIn(named.year, named.month)
  const day = named.day ?? monthEnd
  if (day < 1 || day > monthEnd) return undefined
  return `${named.year}-${pad(named.month)}-${pad(day)}`
}

/**
 * The date a deadline written as text can be read as, or none. The last date the text
 * names is the deadline ("January – March 2017" ends in March); a month without a day
 * means its end ("March 2017 and ongoing" is 2017-03-31). Nothing is guessed from a
 * quarter, a season or a bare year.
 */
export const readDeadlineDate = (text: string): string | undefined => isoOf(namedDates(text).at(-1))

/** A cell that must be one whole date ("1 April 2017", "01/04/2017", "2017-04-01", or an XLSX date). */
export function readExactDate(cell: Cell): string | undefined {
  if (cell.date) return cell.date
  const named = namedDates(cell.text)
  return named.length === 1 && named[0]!.day !== undefined ? isoOf(named[0]) : undefined
}

/** A deadline cell as the plan document holds it: the text as written, and a date where one can be read. */
export function deadlineOf(cell: Cell): { text: string; date?: string } {
  const date = cell.date ?? readDeadlineDate(cell.text)
  return date ? { text: cell.text, date } : { text: cell.text }
}
