import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { mutationSchema, type MutationKind, type PushResult } from '../../src/shared/sync/mutations'
import { demoPassword } from '../../src/server/demo/people'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { mutationArbitraries, type FuzzWorld } from '../support/fuzz-mutations'
import { field, freshId, junk, nastyNumber, nastyString, oneOf, record } from '../support/fuzz-values'
import { loadFuzzWorld, tableFingerprint, type Fingerprint } from '../support/fuzz-world'

/**
 * Property-based fuzzing of every endpoint a client can call, over real HTTP (Fastify's
 * inject) into the real server on PGlite and PostgreSQL, signed in: generated bodies,
 * queries and ids, from well-formed changes with one nasty value (a NUL, half an emoji,
 * year 0, a number past int8, capital ids, unknown keys) to plain junk. For every one:
 * no 5xx, every error in the app's JSON shape, a refusal writes nothing, and a push
 * writes exactly what it says it applied.
 *
 * Seeded, so a run can be repeated: FUZZ_SEED=<the printed seed>. FUZZ_SCALE=10 runs ten
 * times as many bodies.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_105)
const scale = Number(process.env.FUZZ_SCALE ?? 1)

type Role = 'practitioner' | 'manager' | 'admin' | 'viewer'
/** Who sends a request: a demo account; a session made for this one request (for endpoints that end sessions); none; a forged cookie. */
type Sender = Role | `fresh ${Role}` | 'nobody' | 'forged'

interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  as: Sender
  /** Sent as JSON. */
  body?: unknown
  /** Sent as it is, with its own content type. */
  raw?: { payload: string | Buffer; contentType: string }
}

/** Figures for the report at the end of a backend's run. */
interface Stats {
  requests: number
  serverErrors: number
  pushes: number
  changes: number
  outcomes: Record<string, Record<string, number>>
  /** Status codes answered, by endpoint. */
  statuses: Record<string, Record<number, number>>
}

interface Context {
  world: FuzzWorld
  stats: Stats
}

interface Endpoint {
  name: string
  /** How many requests to generate at FUZZ_SCALE=1. */
  runs: number
  request: (context: Context) => fc.Arbitrary<FuzzRequest>
  /** Refusals here are recorded on purpose: a failed sign-in counts towards throttling. */
  recordsRefusals?: boolean
  /** It may end the sessions the suite signed in with (signing in again, signing out everywhere): they are renewed after it. */
  endsSessions?: boolean
  /** Checks beyond "no 5xx, JSON errors, a refusal writes nothing". */
  check?: (
    context: Context,
    request: FuzzRequest,
    response: LightMyRequestResponse,
    stored: { before: Fingerprint; after: Fingerprint },
  ) => void
}

const roles: Role[] = ['practitioner', 'manager', 'admin', 'viewer']
const anyone = fc.constantFrom<Sender>(...roles, 'nobody', 'forged')
const fresh = fc.constantFrom<Sender>(...roles.map((role) => `fresh ${role}` as const), 'nobody', 'forged')
/** Mostly someone who may write, so requests get past the door. */
const writer = fc.oneof(
  { arbitrary: fc.constant<Sender>('admin'), weight: 4 },
  { arbitrary: fc.constantFrom<Sender>('manager', 'practitioner'), weight: 6 },
  { arbitrary: fc.constantFrom<Sender>('viewer', 'nobody', 'forged'), weight: 1 },
)

// Percent-encoded as a browser would; half an emoji, which has no UTF-8, as the bytes a careless client sends.
const encode = (value: unknown) =>
  [...String(value)].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('')
const queryOf = (params: Record<string, unknown>) => {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined)
  return pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : ''
}
const junkQuery = fc.dictionary(
  fc.oneof(nastyString, fc.constantFrom('since', 'limit', 'offset', 'next')),
  fc.oneof(nastyString, nastyNumber),
  { maxKeys: 3 },
)
const idParam = (valid: () => readonly string[]) => field(oneOf(valid)).map(encode)

/** A JSON body, or now and then bytes that are not the JSON asked for. */
const bodyOf = (json: fc.Arbitrary<unknown>): fc.Arbitrary<Pick<FuzzRequest, 'body' | 'raw'>> =>
  fc
    .oneof(
      { arbitrary: json.map((body) => ({ body })), weight: 12 },
      {
        arbitrary: fc.record({
          payload: fc.oneof(
            fc.string(),
            fc.constantFrom(
              '{"mutations": [',
              '{"a":1}{"b":2}',
              '{"__proto__": {"admin": true}}',
              '{"constructor": {"prototype": {}}}',
              'null',
            ),
            fc.integer({ min: 1_000, max: 50_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
          ),
          contentType: fc.constantFrom(
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
          ),
        }),
        weight: 2,
      },
    )
    .map((sent) => ('payload' in sent ? { raw: sent as { payload: string; contentType: string } } : sent))

/** A small plan document, each part valid or spoiled; keys from a short list, so references resolve or not. */
const fuzzKey = field(fc.constantFrom('a', 'b', 'fuzz-plan'))
const planDocument = record({
  format: field(fc.constant('golden-thread/plan@2')),
  plan: record({
    key: fuzzKey,
    title: field(fc.constant('Fuzz plan')),
    kind: field(fc.constant('service-plan')),
    status: field(fc.constant('draft')),
    versionLabel: field(fc.constant('v1')),
    source: field(fc.constant('fuzz')),
    periodStart: field(fc.constant('2026-04-01')),
    succeeds: field(fc.constantFrom('afc-business-plan-2020-24', 'a')),
  }),
  themes: field(
    fc.array(
      record({
        key: fuzzKey,
        title: field(fc.constant('A theme')),
        owners: field(fc.array(record({ role: field(fc.constant('Chief')) }), { maxLength: 2 })),
      }),
      { maxLength: 3 },
    ),
  ),
  actions: field(
    fc.array(
      record({
        key: fuzzKey,
        theme: fuzzKey,
        description: field(fc.constant('Do it')),
        deadline: field(record({ text: field(fc.constant('March 2027')), date: field(fc.constant('2027-03-31')) })),
      }),
      { maxLength: 3 },
    ),
  ),
  milestones: field(
    fc.array(record({ key: fuzzKey, action: fuzzKey, title: field(fc.constant('Done')) }), { maxLength: 2 }),
  ),
})
const csvUpload = record({
  spreadsheet: record({
    format: field(fc.constantFrom('csv', 'xlsx')),
    content: field(fc.constantFrom('VGhlbWUgdGl0bGUsQWN0aW9uIGRlc2NyaXB0aW9uDQpBIHRoZW1lLERvIGl0DQo=', 'UEsDBAo=', '')),
  }),
  plan: field(
    record({
      title: field(fc.constant('Fuzz sheet')),
      kind: field(fc.constant('Service plan')),
      status: field(fc.constant('Draft')),
      versionLabel: field(fc.constant('v1')),
      source: field(fc.constant('fuzz')),
    }),
  ),
})
// Mostly a plan admin, the only one past the door.
const importer = fc.oneof({ arbitrary: fc.constant<Sender>('admin'), weight: 8 }, { arbitrary: anyone, weight: 2 })
const importRequest = (path: string) => () =>
  fc
    .tuple(
      bodyOf(
        fc.oneof(
          { arbitrary: planDocument, weight: 3 },
          { arbitrary: csvUpload, weight: 2 },
          { arbitrary: junk, weight: 1 },
        ),
      ),
      importer,
    )
    .map(([body, as]) => ({ method: 'POST' as const, url: `/api/plans/import${path}`, as, ...body }))

/**
 * Every endpoint of the API. Adding an endpoint? Add a row here: how to generate its
 * requests (valid ones from the world, spoiled with `field`, junk with `bodyOf`), who
 * sends them (`fresh …` for anything that ends sessions), and any check of its own. The
 * suite then holds it to the rules every endpoint keeps. (The OpenID Connect routes exist
 * only when an identity provider is configured; tests/server/oidc.test.ts covers them.)
 */
const endpoints: Endpoint[] = [
  {
    name: 'GET /health',
    runs: 40,
    request: () =>
      fc.record({ method: fc.constant('GET'), url: junkQuery.map((q) => `/api/health${queryOf(q)}`), as: anyone }),
  },
  {
    name: 'POST /auth/sign-in',
    runs: 30,
    recordsRefusals: true,
    endsSessions: true,
    request: () =>
      fc
        .tuple(
          bodyOf(
            record({
              email: field(fc.constantFrom('manager@demo.local', 'Someone@Demo.Local ', 'nobody@demo.local')),
              password: field(fc.constantFrom(demoPassword, 'not-the-password')),
            }),
          ),
          anyone,
        )
        .map(([body, as]) => ({ method: 'POST' as const, url: '/api/auth/sign-in', as, ...body })),
  },
  {
    name: 'POST /auth/set-password',
    runs: 30,
    recordsRefusals: true,
    endsSessions: true,
    request: () =>
      fc
        .tuple(
          bodyOf(
            record({
              email: field(fc.constantFrom('manager@demo.local', 'nobody@demo.local')),
              code: field(fc.constantFrom('not-a-code', '')),
              password: field(fc.constantFrom('a long enough password', 'short')),
            }),
          ),
          anyone,
        )
        .map(([body, as]) => ({ method: 'POST' as const, url: '/api/auth/set-password', as, ...body })),
  },
  {
    name: 'POST /auth/sign-out',
    runs: 20,
    request: () =>
      fc
        .tuple(bodyOf(junk), fresh)
        .map(([body, as]) => ({ method: 'POST' as const, url: '/api/auth/sign-out', as, ...body })),
  },
  {
    name: 'GET /auth/session',
    runs: 30,
    request: () =>
      fc.record({
        method: fc.constant('GET'),
        url: junkQuery.map((q) => `/api/auth/session${queryOf(q)}`),
        as: anyone,
      }),
  },
  {
    name: 'GET /auth/methods',
    runs: 20,
    request: () =>
      fc.record({
        method: fc.constant('GET'),
        url: junkQuery.map((q) => `/api/auth/methods${queryOf(q)}`),
        as: anyone,
      }),
  },
  {
    name: 'GET /auth/sessions',
    runs: 20,
    request: () =>
      fc.record({
        method: fc.constant('GET'),
        url: junkQuery.map((q) => `/api/auth/sessions${queryOf(q)}`),
        as: anyone,
      }),
  },
  {
    // Ids no session has: a real one would end a session this suite signs in with.
    name: 'DELETE /auth/sessions/:id',
    runs: 20,
    request: () =>
      fc.record({
        method: fc.constant('DELETE'),
        url: idParam(() => []).map((id) => `/api/auth/sessions/${id}`),
        as: anyone,
      }),
  },
  ...(['end-others', 'end-all'] as const).map((what): Endpoint => ({
    name: `POST /auth/sessions/${what}`,
    runs: 12,
    endsSessions: true,
    request: () =>
      fc
        .tuple(bodyOf(junk), fresh)
        .map(([body, as]) => ({ method: 'POST' as const, url: `/api/auth/sessions/${what}`, as, ...body })),
  })),
  {
    name: 'GET /people',
    runs: 20,
    request: () =>
      fc.record({ method: fc.constant('GET'), url: junkQuery.map((q) => `/api/people${queryOf(q)}`), as: anyone }),
  },
  {
    // Never a real person's id: that would end the sessions this suite signs in with.
    name: 'POST /people/:id/sessions/end',
    runs: 25,
    request: () =>
      fc
        .tuple(
          idParam(() => []),
          bodyOf(junk),
          anyone,
        )
        .map(([id, body, as]) => ({ method: 'POST' as const, url: `/api/people/${id}/sessions/end`, as, ...body })),
  },
  {
    name: 'GET /teams',
    runs: 15,
    request: () =>
      fc.record({ method: fc.constant('GET'), url: junkQuery.map((q) => `/api/teams${queryOf(q)}`), as: importer }),
  },
  {
    name: 'POST /teams',
    runs: 30,
    request: ({ world }) =>
      fc
        .tuple(
          bodyOf(
            record({
              name: field(fc.constantFrom('Fuzz team', ' ')),
              areaId: idParam(() => world.areas),
              service: field(fc.constant('Fuzz')),
            }),
          ),
          importer,
        )
        .map(([body, as]) => ({ method: 'POST' as const, url: '/api/teams', as, ...body })),
  },
  {
    name: 'POST /people',
    runs: 40,
    request: ({ world }) =>
      fc
        .tuple(
          bodyOf(
            record({
              name: field(fc.constant('Fuzz person')),
              jobTitle: field(fc.constant('Worker')),
              email: field(fc.constantFrom('fuzz.person@demo.local', 'admin@demo.local', 'not an email')),
              role: field(fc.constantFrom('practitioner', 'admin')),
              teamIds: field(
                fc.array(
                  oneOf(() => world.teams),
                  { maxLength: 2 },
                ),
              ),
              managesTeamIds: field(fc.array(freshId, { maxLength: 1 })),
            }),
          ),
          importer,
        )
        .map(([body, as]) => ({ method: 'POST' as const, url: '/api/people', as, ...body })),
  },
  ...['/people/import/preview', '/people/import'].map((path) => ({
    name: `POST ${path}`,
    runs: 30,
    request: () =>
      fc
        .tuple(
          bodyOf(
            record({
              csv: field(
                fc.oneof(
                  fc.constantFrom(
                    'Name,Job title,Email,Role,Teams,Manages teams\nFuzz,Worker,fuzz.csv@demo.local,viewer,,',
                    'Name\n"',
                  ),
                  nastyString,
                ),
              ),
            }),
          ),
          importer,
        )
        .map(([body, as]) => ({ method: 'POST' as const, url: `/api${path}`, as, ...body })),
  })),
  {
    name: 'GET /people/:id',
    runs: 20,
    request: ({ world }) =>
      fc
        .tuple(
          idParam(() => world.people),
          importer,
        )
        .map(([id, as]) => ({ method: 'GET' as const, url: `/api/people/${id}`, as })),
  },
  // Never a real person's id: changing, deactivating or issuing codes to the people this suite signs in as would end its run.
  {
    name: 'PUT /people/:id',
    runs: 25,
    request: ({ world }) =>
      fc
        .tuple(
          idParam(() => []),
          bodyOf(
            record({
              name: field(fc.constant('Moved')),
              jobTitle: field(fc.constant('Worker')),
              role: field(fc.constant('viewer')),
              teamIds: field(
                fc.array(
                  oneOf(() => world.teams),
                  { maxLength: 2 },
                ),
              ),
              managesTeamIds: field(fc.constant([])),
            }),
          ),
          importer,
        )
        .map(([id, body, as]) => ({ method: 'PUT' as const, url: `/api/people/${id}`, as, ...body })),
  },
  ...['code', 'deactivate', 'reactivate'].map((action) => ({
    name: `POST /people/:id/${action}`,
    runs: 20,
    request: () =>
      fc
        .tuple(
          idParam(() => []),
          bodyOf(junk),
          importer,
        )
        .map(([id, body, as]) => ({ method: 'POST' as const, url: `/api/people/${id}/${action}`, as, ...body })),
  })),
  {
    name: 'POST /plans/:id/refresh',
    runs: 20,
    request: ({ world }) =>
      fc
        .tuple(
          idParam(() => world.draftPlans),
          bodyOf(junk),
          importer,
        )
        .map(([id, body, as]) => ({ method: 'POST' as const, url: `/api/plans/${id}/refresh`, as, ...body })),
  },
  {
    name: 'POST /plans/:id/quarters/lock',
    runs: 20,
    request: ({ world }) =>
      fc
        .tuple(
          idParam(() => world.draftPlans),
          bodyOf(
            fc.oneof(
              record({ quarter: field(fc.constantFrom('2025/26 Q4', '2026/27 Q1', '2026/27 Q2', '2099/00 Q1')) }),
              junk,
            ),
          ),
          importer,
        )
        .map(([id, body, as]) => ({
          method: 'POST' as const,
          url: `/api/plans/${id}/quarters/lock`,
          as,
          ...body,
        })),
  },
  {
    name: 'GET /sync/pull',
    runs: 40,
    request: () =>
      fc.record({
        method: fc.constant('GET'),
        url: fc
          .oneof(record({ since: field(fc.nat()), limit: field(fc.integer({ min: 1, max: 5000 })) }), junkQuery)
          .map((q) => `/api/sync/pull${queryOf(q)}`),
        as: anyone,
      }),
  },
  {
    name: 'POST /sync/push',
    runs: 600,
    request: ({ world }) => {
      const kinds = mutationArbitraries(world)
      // Closing is rarer, or nothing would be left open to answer.
      const { 'survey.close': close, ...others } = kinds
      const anyKind = fc.oneof(...Object.values(others).map((arbitrary) => ({ arbitrary, weight: 4 })), {
        arbitrary: close,
        weight: 1,
      })
      const mutation = fc.oneof({ arbitrary: anyKind, weight: 20 }, { arbitrary: junk, weight: 1 })
      const batch = fc
        .array(mutation, { minLength: 1, maxLength: 8 })
        .chain((mutations) =>
          fc.oneof(
            { arbitrary: fc.constant(mutations), weight: 9 },
            { arbitrary: fc.constant([...mutations, mutations[0]]), weight: 1 },
          ),
        )
      const body = fc.oneof(
        { arbitrary: batch.map((mutations) => ({ mutations })), weight: 12 },
        { arbitrary: record({ mutations: field(batch) }), weight: 2 },
        { arbitrary: junk, weight: 1 },
      )
      return fc
        .tuple(bodyOf(body), writer)
        .map(([sent, as]) => ({ method: 'POST' as const, url: '/api/sync/push', as, ...sent }))
    },
    check: checkPush,
  },
  {
    name: 'GET /attachments/:id/status',
    runs: 30,
    request: ({ world }) =>
      fc.record({
        method: fc.constant('GET'),
        url: idParam(() => world.uploads.map((u) => u.id)).map((id) => `/api/attachments/${id}/status`),
        as: anyone,
      }),
  },
  {
    name: 'PUT /attachments/:id/chunks',
    runs: 120,
    request: ({ world }) =>
      fc
        .tuple(
          fc.oneof(
            { arbitrary: idParam(() => world.uploads.map((u) => u.id)), weight: 1 },
            { arbitrary: freshId, weight: 3 },
          ),
          record({
            offset: field(fc.constantFrom(0, 0, 0, 6)),
            size: field(
              fc.oneof(
                { arbitrary: fc.integer({ min: 6, max: 5_000 }), weight: 6 },
                { arbitrary: fc.integer({ min: 1, max: 30_000_000 }), weight: 1 },
              ),
            ),
            name: field(fc.constantFrom('photo.jpg', 'minutes.pdf'), 8),
            type: field(
              fc.constantFrom('image/jpeg', 'image/jpeg', 'image/jpeg', 'image/jpeg', 'application/pdf', 'image/heic'),
            ),
          }),
          fc.oneof(
            {
              arbitrary: fc.constant({
                payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
                contentType: 'application/octet-stream',
              }),
              weight: 4,
            },
            {
              arbitrary: fc.record({
                payload: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
                contentType: fc.constantFrom('application/octet-stream', 'image/jpeg', 'application/json'),
              }),
              weight: 1,
            },
          ),
          writer,
        )
        .map(([id, query, raw, as]) => ({
          method: 'PUT' as const,
          url: `/api/attachments/${id}/chunks${queryOf(query)}`,
          raw,
          as,
        })),
  },
  {
    name: 'GET /attachments/:id',
    runs: 30,
    request: ({ world }) =>
      fc.record({
        method: fc.constant('GET'),
        url: idParam(() => world.uploads.map((u) => u.id)).map((id) => `/api/attachments/${id}`),
        as: anyone,
      }),
  },
  {
    name: 'GET /surveys/answered',
    runs: 20,
    request: () =>
      fc.record({
        method: fc.constant('GET'),
        url: junkQuery.map((q) => `/api/surveys/answered${queryOf(q)}`),
        as: anyone,
      }),
  },
  {
    name: 'GET /surveys/:id/results',
    runs: 40,
    request: ({ world }) =>
      fc.record({
        method: fc.constant('GET'),
        url: idParam(() => world.surveys.map((s) => s.id)).map((id) => `/api/surveys/${id}/results`),
        as: anyone,
      }),
  },
  {
    name: 'POST /plans/import/preview',
    runs: 80,
    request: importRequest('/preview'),
    check: (_context, request, _response, { before, after }) =>
      expect(after, 'a preview wrote something').toEqual(before),
  },
  { name: 'POST /plans/import', runs: 80, request: importRequest('') },
  {
    name: 'GET /plans/import/template',
    runs: 10,
    request: () =>
      fc.record({
        method: fc.constant('GET'),
        url: fc.constantFrom('csv', 'xlsx', 'ods').map((f) => `/api/plans/import/template.${f}`),
        as: anyone,
      }),
  },
]

const knownKinds = new Set<string>(mutationSchema.options.map((option) => option.shape.kind.value))

/** What a push says it did must be exactly what it wrote; what it refused, it did not write. */
function checkPush(
  { world, stats }: Context,
  request: FuzzRequest,
  response: LightMyRequestResponse,
  { before, after }: { before: Fingerprint; after: Fingerprint },
) {
  if (response.statusCode !== 200) return
  const sent = (request.body as { mutations: Record<string, unknown>[] }).mutations
  const results = (response.json() as { results: PushResult[] }).results
  // One answer per id, in the order first sent, in the one canonical (lower-case) form.
  const kindOf = new Map<string, unknown>()
  for (const m of sent) if (!kindOf.has(String(m.id).toLowerCase())) kindOf.set(String(m.id).toLowerCase(), m.kind)
  expect(results.map((r) => r.id)).toEqual([...kindOf.keys()])
  for (const result of results) {
    expect(['applied', 'superseded', 'refused']).toContain(result.outcome)
    if (result.outcome === 'refused') expect(result.reason).toEqual(expect.stringMatching(/\S/))
  }
  stats.pushes += 1
  stats.changes += results.length

  const taken = results.filter((r) => r.outcome !== 'refused' && !r.repeated)
  const applied = (kind: MutationKind) =>
    taken.filter((r) => r.outcome === 'applied' && kindOf.get(r.id) === kind).length
  if (!taken.length) {
    expect(after).toEqual(before)
  } else {
    const grew = (table: string) => after.counts[table]! - before.counts[table]!
    expect(grew('progress_updates')).toBe(applied('progress.post'))
    expect(grew('evidence')).toBe(applied('evidence.add'))
    expect(grew('assignments')).toBe(applied('assignment.add') - applied('assignment.remove'))
    expect(grew('surveys')).toBe(applied('survey.create'))
    expect(grew('applied_mutations')).toBe(taken.length)
    expect(grew('history')).toBe(taken.filter((r) => kindOf.get(r.id) !== 'survey.submit').length)
    expect(grew('attachments')).toBe(0)
    // A plan record made in the app is one row of its type's table.
    const made = (type: string) =>
      taken.filter(
        (r) =>
          r.outcome === 'applied' &&
          kindOf.get(r.id) === 'record.create' &&
          (sent.find((m) => String(m.id).toLowerCase() === r.id)!.data as { type?: unknown }).type === type,
      ).length
    for (const [type, table] of [
      ['milestone', 'milestones'],
      ['theme', 'themes'],
      ['outcome', 'outcomes'],
      ['risk', 'risks'],
    ])
      expect(grew(table!), `${type}s made`).toBe(made(type!))
    expect(after.changeSeq).toBeGreaterThanOrEqual(before.changeSeq)
  }

  // Later changes may refer to what this one made, or arrive again.
  const byId = new Map(sent.map((m) => [String(m.id).toLowerCase(), m]))
  for (const result of results) {
    const mutation = byId.get(result.id)!
    const data = mutation.data as Record<string, unknown>
    world.sent.push(result.id)
    const kind = knownKinds.has(String(mutation.kind)) ? String(mutation.kind) : 'of no known kind'
    const outcomes = (stats.outcomes[kind] ??= {})
    const outcome = result.repeated ? 'repeated' : result.outcome
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
    if (result.outcome !== 'applied' || result.repeated) continue
    if (kind === 'survey.create') {
      const questions = data.questions as { id: string; kind: string; key: string }[]
      const today = new Date().toISOString().slice(0, 10)
      const open = String(data.opensOn) <= today && today <= String(data.closesOn)
      world.surveys.push({
        id: String(data.id).toLowerCase(),
        open,
        questions: questions.map((q) => ({ ...q, id: q.id.toLowerCase() })),
      })
    }
    if (kind === 'survey.close')
      world.surveys.find((survey) => survey.id === String(data.surveyId).toLowerCase())!.open = false
    if (kind === 'assignment.add') world.assignments.push(String(data.id).toLowerCase())
    if (kind === 'assignment.remove')
      world.assignments.splice(world.assignments.indexOf(String(data.id).toLowerCase()), 1)
  }
}

describe.each(backends)('fuzzing every endpoint on %s', (backend) => {
  let server: ServerFixture
  const context = {
    stats: { requests: 0, serverErrors: 0, pushes: 0, changes: 0, outcomes: {}, statuses: {} },
  } as unknown as Context
  const { stats } = context
  const cookies = {} as Record<Role, string>
  let started = 0

  const signInEveryone = async () => {
    for (const role of roles) cookies[role] = await server.signIn(`${role}@demo.local`)
  }

  beforeAll(async () => {
    started = Date.now()
    server = await demoServer(backend)
    await signInEveryone()
    context.world = await loadFuzzWorld(server.app, server.db, cookies)
    console.log(`[fuzz ${backend}] seed ${seed} (repeat with FUZZ_SEED=${seed}), scale ${scale}`)
  }, 120_000)
  afterAll(async () => {
    console.log(
      `[fuzz ${backend}] ${stats.requests} requests (${stats.pushes} pushes answered 200, ${stats.changes} changes in them) in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${stats.serverErrors} answered 5xx\n  statuses: ${JSON.stringify(stats.statuses)}\n  push outcomes: ${JSON.stringify(stats.outcomes)}`,
    )
    await server?.close()
  })

  async function cookieFor(as: Sender): Promise<string | undefined> {
    if (as === 'nobody') return undefined
    if (as === 'forged') return 'gt_session=forged-token-that-no-one-was-given'
    if (as.startsWith('fresh ')) return server.signIn(`${as.slice('fresh '.length)}@demo.local`)
    return cookies[as as Role]
  }

  async function send(request: FuzzRequest): Promise<LightMyRequestResponse> {
    const cookie = await cookieFor(request.as)
    const headers: Record<string, string> = { ...(cookie ? { cookie } : {}) }
    let payload: string | Buffer | undefined
    if (request.raw) {
      headers['content-type'] = request.raw.contentType
      payload = request.raw.payload
    } else if (request.body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(request.body) ?? 'null'
    }
    // Throttled sign-ins are counted by network: the fuzz's own wrong passwords come from elsewhere.
    const remoteAddress = request.url === '/api/auth/sign-in' ? '10.99.0.7' : '127.0.0.1'
    return server.app.inject({ method: request.method, url: request.url, headers, payload, remoteAddress })
  }

  it.each(endpoints.map((endpoint, index) => [endpoint.name, endpoint, index] as const))(
    '%s',
    async (_name, endpoint, index) => {
      // What is stored after one request is what the next one starts from: one fingerprint per request.
      let stored = await tableFingerprint(server.db)
      const property = fc.asyncProperty(endpoint.request(context), async (request) => {
        const response = await send(request)
        const before = stored
        const after = (stored = await tableFingerprint(server.db))
        stats.requests += 1
        const statuses = (stats.statuses[endpoint.name] ??= {})
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1
        if (response.statusCode >= 500) stats.serverErrors += 1
        const sent = `${request.method} ${request.url.slice(0, 300)} as ${request.as}: ${JSON.stringify(request.body ?? request.raw?.payload ?? '').slice(0, 600)}`
        expect(response.statusCode, `${sent}\n→ ${response.body.slice(0, 500)}`).toBeLessThan(500)
        if (response.statusCode >= 400) {
          expect(response.headers['content-type'], sent).toMatch(/^application\/json/)
          expect(response.json(), sent).toMatchObject({
            error: { code: expect.any(String), message: expect.stringMatching(/\S/) },
          })
          if (!endpoint.recordsRefusals) expect(after, `${sent}: a refusal wrote something`).toEqual(before)
        }
        endpoint.check?.(context, request, response, { before, after })
      })
      await fc.assert(property, { seed: seed + index, numRuns: Math.max(1, Math.round(endpoint.runs * scale)) })
      if (endpoint.endsSessions) await signInEveryone()
    },
    300_000,
  )

  it('reached every kind of change, applied and refused', () => {
    for (const kind of knownKinds) {
      expect(stats.outcomes[kind]?.applied ?? 0, `${kind} applied`).toBeGreaterThan(0)
      expect(stats.outcomes[kind]?.refused ?? 0, `${kind} refused`).toBeGreaterThan(0)
    }
    expect(stats.serverErrors).toBe(0)
  })
})
