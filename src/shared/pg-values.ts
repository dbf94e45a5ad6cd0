import { z } from 'zod'

/**
 * Schema builders for every value that reaches PostgreSQL. Zod's own types let through
 * values PostgreSQL refuses (a NUL in text, a lone surrogate, year 0, an integer beyond
 * int4), and one refused value aborts the whole transaction: the push carrying it would
 * fail for every change in it. Checked here, a bad value is its own change's refusal.
 */

/**
 * Ids are made on devices, and some platforms write UUIDs in capitals; PostgreSQL
 * answers in lower case. Every id is compared and stored in that one form.
 */
export const uuid = (message?: string) => z.uuid(message).toLowerCase()

// NUL: neither text nor jsonb can hold it. A lone surrogate (half of an emoji) has no
// UTF-8 form: jsonb refuses its \u escape, and a text column would silently get U+FFFD.
// (No lookbehind: older iPads' Safari cannot parse it.)
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/

/** True if PostgreSQL can store `value` as it is. */
export const storable = (value: string): boolean => !value.includes('\u0000') && !loneSurrogate.test(value)

export const unstorableMessage = 'This text contains a character that cannot be saved (a NUL, or half of an emoji).'

/** Text of at most `max` characters that PostgreSQL can store; trimmed first if asked. */
export function pgText(max: number, options: { trim?: boolean } = {}) {
  return (options.trim ? z.string().trim() : z.string()).max(max).refine(storable, unstorableMessage)
}

export interface YearRange {
  min: number
  max: number
}
/** Years a plan, a survey or a device's clock can sensibly name. */
export const saneYears: YearRange = { min: 2000, max: 2100 }
/** What a four-digit year can say and PostgreSQL accepts (it has no year 0). */
export const anyYear: YearRange = { min: 1, max: 9999 }

const within = (year: number, years: YearRange) => year >= years.min && year <= years.max

/** A calendar date written YYYY-MM-DD (no 30 February), in `years`; `message` replaces both complaints. */
export function pgDate(years: YearRange = saneYears, message?: string) {
  return z.iso
    .date(message ?? 'Dates are real calendar dates written YYYY-MM-DD (2018-03-31; no 30 February).')
    .refine(
      (date) => within(Number(date.slice(0, 4)), years),
      message ?? `Dates must fall between ${years.min} and ${years.max}.`,
    )
}

/** An ISO 8601 moment with its offset, in `years` both as written and in UTC; `message` replaces both complaints. */
export function pgTimestamp(years: YearRange = saneYears, message?: string) {
  return z.iso
    .datetime({ offset: true, message: message ?? 'Times are written like 2026-11-05T10:30:00Z.' })
    .refine(
      (moment) => within(Number(moment.slice(0, 4)), years) && within(new Date(moment).getUTCFullYear(), years),
      message ?? `Times must fall between the years ${years.min} and ${years.max}.`,
    )
}

/** An integer an `int` column holds. */
export const int4 = () => z.number().int().min(-2_147_483_648).max(2_147_483_647)
/** An integer a `bigint` column holds: zod's integers are JavaScript's safe ones, all within int8. */
export const int8 = () => z.number().int()
/** A number a jsonb or double column holds: zod's numbers are already finite (no NaN or Infinity). */
export const finiteNumber = () => z.number()
