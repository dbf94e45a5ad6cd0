import fc from 'fast-check'

/**
 * Values for fuzzing the API: the well-formed-but-nasty ones a careless or hostile
 * client sends (what the shared schemas must catch before PostgreSQL refuses them), and
 * plain junk. `field(valid)` mostly gives a valid value, sometimes a spoiled form of it,
 * now and then something else entirely, so a generated change usually gets deep into
 * the server before the odd value meets the check that must stop it.
 */

/** Ids made on a device: uniform, so two generated ones do not collide by accident. */
export const freshId = fc.noBias(fc.uuid({ version: 4 }))

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code))

/** Strings PostgreSQL or a schema has reasons to dislike. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'note\u0000',
    '\ud83d',
    '\ude00 after',
    '😀',
    '\u202e\ufeff',
    '%00',
    '__proto__',
    "'; drop table people; --",
    '0000-01-01',
    '99999-01-01',
    '2026-02-30',
    '2026-13-01',
    '0000-01-01T00:00:00Z',
    '1970-01-01T00:00:00Z',
    '2026-01-01T00:00:00+25:00',
    '9999-12-31T23:59:59.999999999Z',
    '+275760-09-13T00:00:00Z',
    'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
    '00000000-0000-0000-0000-000000000000',
    '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), loneSurrogate),
    maxLength: 20,
  }),
  fc.integer({ min: 4_001, max: 120_000 }).map((length) => 'x'.repeat(length)),
)

/** Numbers past every column's range, fractions where integers belong, and JSON's extremes. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 63,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
)

/** Nested deeper than anything the app sends. */
export const deepValue = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
  return value
})

/** Anything at all, of whatever type. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.constantFrom(null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  deepValue,
)

/** A valid string spoiled: a NUL or half an emoji put in, capitals, padded past any limit. */
const spoiledString = (valid: string) =>
  fc.oneof(
    {
      arbitrary: fc.constantFrom(
        `${valid}\u0000`,
        `${valid.slice(0, 2)}\u0000${valid.slice(2)}`,
        `\ud800${valid}`,
        `${valid}\udfff`,
      ),
      weight: 3,
    },
    { arbitrary: loneSurrogate.map((half) => `${valid.slice(0, 3)}${half}${valid.slice(3)}`), weight: 1 },
    {
      arbitrary: fc.constantFrom(valid.toUpperCase(), ` ${valid} `, `${valid}${'x'.repeat(5000)}`, valid.slice(1)),
      weight: 2,
    },
  )
const spoiledNumber = (valid: number) =>
  fc.constantFrom(valid + 0.5, -valid - 1, valid * 2 ** 31, valid * 2 ** 53, valid + 1e308)

/**
 * Mostly `valid`; sometimes a spoiled form of it; now and then anything at all. `spoil`
 * is how often in 40 it is spoiled: higher where a request has only a few fields.
 */
export function field<T>(valid: fc.Arbitrary<T>, spoil = 2): fc.Arbitrary<T | unknown> {
  const spoiled = valid.chain((value) =>
    typeof value === 'string' ? spoiledString(value) : typeof value === 'number' ? spoiledNumber(value) : junk,
  )
  return fc.oneof(
    { arbitrary: valid, weight: 40 },
    { arbitrary: spoiled, weight: spoil },
    { arbitrary: junk, weight: 1 },
  )
}

/** An object, sometimes with a key missing or an unknown one added. */
export function record(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(fields)
  return fc.record(fields).chain((value) =>
    fc.oneof(
      { arbitrary: fc.constant<Record<string, unknown>>(value), weight: 40 },
      {
        arbitrary: fc
          .constantFrom(...keys)
          .map((drop) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== drop))),
        weight: 1,
      },
      { arbitrary: fc.tuple(nastyString, junk).map(([key, extra]) => ({ ...value, [key]: extra })), weight: 1 },
    ),
  )
}

/** One of `values`, read when the value is generated (the lists grow as the run goes on); a fresh id if there are none. */
export const oneOf = <T>(values: () => readonly T[]): fc.Arbitrary<T> =>
  fc.tuple(fc.nat(), freshId).map(([n, id]) => values()[n % values().length] ?? (id as T))
