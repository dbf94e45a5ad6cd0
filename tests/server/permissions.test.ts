import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import {
  change,
  count,
  demoIds,
  demoTeamNames,
  evidenceNote,
  progress,
  pushInject,
  writeFingerprint,
  type DemoIds,
} from '../support/push-fixture'
import type { MutationKind } from '../../src/shared/sync/mutations'

type Role = 'practitioner' | 'manager' | 'admin' | 'viewer'
/**
 * Where the work is:
 * - team: K9, led by the Kingston Children with Disabilities Team (the practitioner's, and the manager's team);
 *   assignments go to that team.
 * - other: R7, led by the Richmond SEND Casework Team, not assigned to anyone here; assignments go to that team.
 * - member: K1, led by another Kingston team but assigned (in the demo) to the practitioner; assignments go to a
 *   person in the manager's team.
 */
type Scope = 'team' | 'other' | 'member'
// The delivery changes; surveys, plan editing and measures' figures have their own role rules, tested in
// surveys.test.ts, plan-editing.test.ts and monitoring-changes.test.ts.
type DeliveryKind = Exclude<
  MutationKind,
  | `survey.${string}`
  | `record.${string}`
  | `measure.${string}`
  | `risk.${string}`
  // Reminders and sign-off: reminders-and-sign-off.test.ts.
  | `reminder.${string}`
  | `signoff.${string}`
  // A plan's lifecycle: plan-lifecycle.test.ts.
  | `plan.${string}`
>
type Expected = 'applied' | 'refused' | 403

const A = 'applied' as const
const R = 'refused' as const
const all = (outcome: Expected) => ({ team: outcome, other: outcome, member: outcome })

// Straight from src/shared/permissions.ts: canContribute, canSetStatus, canAssignTo.
const matrix: Record<Role, Record<DeliveryKind, Record<Scope, Expected>>> = {
  practitioner: {
    'progress.post': { team: A, other: R, member: A },
    'evidence.add': { team: A, other: R, member: A },
    'status.set': all(R),
    'assignment.add': all(R),
    'assignment.remove': all(R),
  },
  manager: {
    // Contributing needs the work to be the team's or assigned to the manager; a team member's assignment is not enough.
    'progress.post': { team: A, other: R, member: R },
    'evidence.add': { team: A, other: R, member: R },
    // Status: the team's work, including work assigned to someone in the team.
    'status.set': { team: A, other: R, member: A },
    'assignment.add': { team: A, other: R, member: A },
    'assignment.remove': { team: A, other: R, member: A },
  },
  admin: {
    'progress.post': all(A),
    'evidence.add': all(A),
    'status.set': all(A),
    'assignment.add': all(A),
    'assignment.remove': all(A),
  },
  viewer: {
    'progress.post': all(403),
    'evidence.add': all(403),
    'status.set': all(403),
    'assignment.add': all(403),
    'assignment.remove': all(403),
  },
}

const roles = Object.keys(matrix) as Role[]
const kinds = Object.keys(matrix.admin) as DeliveryKind[]
const scopes: Scope[] = ['team', 'other', 'member']
const cells = roles.flatMap((role) =>
  kinds.flatMap((kind) => scopes.map((scope) => [role, kind, scope, matrix[role][kind][scope]] as const)),
)

describe.each(backends)('who may change what, on %s', (backend) => {
  let server: ServerFixture
  let ids: DemoIds
  const cookies = {} as Record<Role, string>
  /** Assignments made by the admin beforehand, one per cell of assignment.remove. */
  const toRemove = new Map<string, string>()
  let statusClock = Date.now() - 10 * 60_000

  const work = (scope: Scope) => ({ team: ids.action('K9'), other: ids.action('R7'), member: ids.action('K1') })[scope]
  const assignee = (scope: Scope) =>
    ({
      team: { teamId: ids.team(demoTeamNames.kingstonDisabilities), personId: null },
      other: { teamId: ids.team(demoTeamNames.richmondSend), personId: null },
      member: { teamId: null, personId: ids.personByName.get('Chris Evans (demo)')! },
    })[scope]

  beforeAll(async () => {
    server = await demoServer(backend)
    ids = await demoIds(server.db)
    for (const role of roles) cookies[role] = await server.signIn(`${role}@demo.local`)
    const setup = roles.flatMap((role) =>
      scopes.map((scope) => {
        const id = randomUUID()
        toRemove.set(`${role}:${scope}`, id)
        return change('assignment.add', { id, actionId: work(scope), milestoneId: null, ...assignee(scope) })
      }),
    )
    const { results } = await pushInject(server.app, cookies.admin, { mutations: setup })
    expect(results.map((r) => r.outcome)).toEqual(setup.map(() => 'applied'))
  })
  afterAll(() => server.close())

  function mutationFor(role: Role, kind: DeliveryKind, scope: Scope) {
    const actionId = work(scope)
    switch (kind) {
      case 'progress.post':
        return change(kind, progress(actionId, 'red', `Posted by the ${role} on ${scope} work.`))
      case 'evidence.add':
        return change(kind, evidenceNote(actionId, `Evidence from the ${role}.`))
      case 'status.set':
        // Each later than the last, so an allowed change is applied rather than superseded.
        statusClock += 1000
        return change(
          kind,
          { entity: 'action', entityId: actionId, status: 'at-risk' },
          { madeAt: new Date(statusClock).toISOString() },
        )
      case 'assignment.add':
        return change(kind, { id: randomUUID(), actionId, milestoneId: null, ...assignee(scope) })
      case 'assignment.remove':
        return change(kind, { id: toRemove.get(`${role}:${scope}`)! })
    }
  }

  async function effectVisible(kind: DeliveryKind, mutation: ReturnType<typeof mutationFor>): Promise<boolean> {
    const id = String(mutation.data.id ?? mutation.data.entityId)
    switch (kind) {
      case 'progress.post':
        return (await count(server.db, 'select count(*) as n from progress_updates where id = $1', [id])) === 1
      case 'evidence.add':
        return (await count(server.db, 'select count(*) as n from evidence where id = $1', [id])) === 1
      case 'status.set':
        return (
          (await count(server.db, 'select count(*) as n from actions where id = $1 and status_mutation_id = $2', [
            id,
            mutation.id,
          ])) === 1
        )
      case 'assignment.add':
        return (await count(server.db, 'select count(*) as n from assignments where id = $1', [id])) === 1
      case 'assignment.remove':
        return (
          (await count(server.db, 'select count(*) as n from assignments where id = $1', [id])) === 0 &&
          (await count(
            server.db,
            `select count(*) as n from tombstones where entity_type = 'assignment' and entity_id = $1`,
            [id],
          )) === 1
        )
    }
  }

  it.each(cells)('%s: %s on %s work → %s', async (role, kind, scope, expected) => {
    const mutation = mutationFor(role, kind, scope)
    const before = await writeFingerprint(server.db)
    const reply = await pushInject(server.app, cookies[role], { mutations: [mutation] })

    if (expected === 403) {
      expect(reply.statusCode).toBe(403)
      expect(await writeFingerprint(server.db)).toEqual(before)
      return
    }
    expect(reply.statusCode).toBe(200)
    expect(reply.results).toHaveLength(1)
    const [result] = reply.results
    expect(result!.outcome, result!.reason).toBe(expected)
    if (expected === 'refused') {
      expect(result!.reason).toMatch(/only|manage/)
      expect(await writeFingerprint(server.db)).toEqual(before)
      expect(await effectVisible(kind, mutation)).toBe(false)
    } else {
      expect(await effectVisible(kind, mutation)).toBe(true)
      expect(
        await count(
          server.db,
          `select count(*) as n from history where mutation_id = $1 and person_id = $2 and outcome = 'applied'`,
          [mutation.id, ids.person[role]],
        ),
      ).toBe(1)
    }
  })

  it("needs scope over the work before assigning: a manager cannot give another area's action to their own team, nor then act on it", async () => {
    const r9 = ids.action('R9')
    const before = await writeFingerprint(server.db)
    // R9 is Richmond's work, led by a Richmond team; the manager manages a Kingston team.
    const ownTeam = change('assignment.add', {
      id: randomUUID(),
      actionId: r9,
      milestoneId: null,
      teamId: ids.team(demoTeamNames.kingstonDisabilities),
      personId: null,
    })
    const ownPerson = change('assignment.add', {
      id: randomUUID(),
      actionId: r9,
      milestoneId: null,
      teamId: null,
      personId: ids.person.practitioner,
    })
    const { results } = await pushInject(server.app, cookies.manager, { mutations: [ownTeam, ownPerson] })
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'refused'])
    for (const result of results)
      expect(result.reason).toMatch(/only work your teams lead or have been given, or work for your teams’ area/)
    expect(await writeFingerprint(server.db)).toEqual(before)

    // So the work is still not theirs to act on.
    const post = await pushInject(server.app, cookies.practitioner, {
      mutations: [change('progress.post', progress(r9))],
    })
    expect(post.results[0]!.outcome).toBe('refused')
    const status = await pushInject(server.app, cookies.manager, {
      mutations: [change('status.set', { entity: 'action', entityId: r9, status: 'complete' })],
    })
    expect(status.results[0]!.outcome).toBe('refused')
    expect(await writeFingerprint(server.db)).toEqual(before)

    // An assignment the admin made on other work, of a team the manager does not manage, is refused on scope too.
    const w1 = change('assignment.add', {
      id: randomUUID(),
      actionId: ids.action('W1'),
      milestoneId: null,
      teamId: ids.team(demoTeamNames.richmondSend),
      personId: null,
    })
    expect((await pushInject(server.app, cookies.admin, { mutations: [w1] })).results[0]!.outcome).toBe('applied')
    const removal = await pushInject(server.app, cookies.manager, {
      mutations: [change('assignment.remove', { id: w1.data.id })],
    })
    expect(removal.results[0]).toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/only work your teams lead/),
    })
    expect(await count(server.db, 'select count(*) as n from assignments where id = $1', [w1.data.id])).toBe(1)
  })

  it('lets a manager assign work for their own area that another team leads, and only to their own people', async () => {
    // K3 is Kingston's work, led by the Kingston Early Help Hub: the manager's area, not their team's.
    const k3 = ids.action('K3')
    const early = await pushInject(server.app, cookies.practitioner, {
      mutations: [change('progress.post', progress(k3))],
    })
    expect(early.results[0]!.outcome).toBe('refused')
    const own = change('assignment.add', {
      id: randomUUID(),
      actionId: k3,
      milestoneId: null,
      teamId: null,
      personId: ids.person.practitioner,
    })
    const outsider = change('assignment.add', {
      id: randomUUID(),
      actionId: k3,
      milestoneId: null,
      teamId: null,
      personId: ids.personByName.get('Dana Lee (demo)')!,
    })
    const { results } = await pushInject(server.app, cookies.manager, { mutations: [own, outsider] })
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'refused'])
    expect(results[1]!.reason).toMatch(/within the teams you manage/)
    // Once assigned, the practitioner may post on K3.
    const post = await pushInject(server.app, cookies.practitioner, {
      mutations: [change('progress.post', progress(k3))],
    })
    expect(post.results[0]!.outcome).toBe('applied')
  })

  it("refuses a viewer's attachment upload with 403 and stores nothing, while others may upload", async () => {
    const jpegStart = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])
    const upload = (cookie: string, id: string) =>
      server.app.inject({
        method: 'PUT',
        url: `/api/attachments/${id}/chunks?offset=0&size=${jpegStart.length}&name=photo.jpg&type=image/jpeg`,
        headers: { cookie, 'content-type': 'application/octet-stream' },
        payload: jpegStart,
      })
    const viewerId = randomUUID()
    const refused = await upload(cookies.viewer, viewerId)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('read_only')
    expect(await count(server.db, 'select count(*) as n from attachments where id = $1', [viewerId])).toBe(0)
    for (const role of ['practitioner', 'manager', 'admin'] as const) {
      const id = randomUUID()
      const ok = await upload(cookies[role], id)
      expect(ok.statusCode, role).toBe(200)
      expect(
        await count(server.db, 'select count(*) as n from attachments where id = $1 and uploaded_by = $2', [
          id,
          ids.person[role],
        ]),
      ).toBe(1)
    }
  })

  describe('write endpoints', () => {
    const chunkUrl = () => `/api/attachments/${randomUUID()}/chunks?offset=0&size=4&name=a.jpg&type=image/jpeg`
    const requests = () => [
      {
        name: 'push',
        method: 'POST' as const,
        url: '/api/sync/push',
        payload: { mutations: [change('progress.post', progress(ids.action('K9')))] },
        headers: {},
      },
      {
        name: 'chunk upload',
        method: 'PUT' as const,
        url: chunkUrl(),
        payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
        headers: { 'content-type': 'application/octet-stream' },
      },
    ]

    it('answer 401 without a session, and write nothing', async () => {
      const before = await writeFingerprint(server.db)
      for (const request of requests()) {
        const response = await server.app.inject({
          method: request.method,
          url: request.url,
          payload: request.payload,
          headers: request.headers,
        })
        expect(response.statusCode, request.name).toBe(401)
        expect(response.json().error.code, request.name).toBe('signed_out')
        const forged = await server.app.inject({
          method: request.method,
          url: request.url,
          payload: request.payload,
          headers: { ...request.headers, cookie: 'gt_session=not-a-session' },
        })
        expect(forged.statusCode, request.name).toBe(401)
      }
      expect(await writeFingerprint(server.db)).toEqual(before)
    })

    it('answer 403 to a request from another origin, even with a session, and write nothing', async () => {
      const before = await writeFingerprint(server.db)
      const sessionsBefore = await count(server.db, 'select count(*) as n from sessions')
      const all = [
        ...requests(),
        {
          name: 'sign-in',
          method: 'POST' as const,
          url: '/api/auth/sign-in',
          payload: { email: 'manager@demo.local', password: 'golden-thread-demo' },
          headers: {},
        },
        { name: 'sign-out', method: 'POST' as const, url: '/api/auth/sign-out', payload: undefined, headers: {} },
      ]
      for (const origin of ['https://evil.example', 'http://evil.localhost:8080', 'null']) {
        for (const request of all) {
          const response = await server.app.inject({
            method: request.method,
            url: request.url,
            payload: request.payload,
            headers: { ...request.headers, cookie: cookies.manager, host: 'localhost:8080', origin },
          })
          expect(response.statusCode, `${request.name} from ${origin}`).toBe(403)
          expect(response.json().error.code).toBe('bad_origin')
        }
      }
      expect(await writeFingerprint(server.db)).toEqual(before)
      // Sign-out from elsewhere did not end the session.
      expect(await count(server.db, 'select count(*) as n from sessions')).toBe(sessionsBefore)
      const still = await pushInject(
        server.app,
        cookies.manager,
        { mutations: [change('progress.post', progress(ids.action('K9')))] },
        { host: 'localhost:8080', origin: 'http://localhost:8080' },
      )
      expect(still.statusCode).toBe(200)
      expect(still.results[0]!.outcome).toBe('applied')
    })
  })
})
