import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { addOtherOrganisation, otherAccount } from '../support/other-organisation'
import { change, pushInject } from '../support/push-fixture'
import type { PullResponse } from '../../src/shared/sync/protocol'
import type {
  AddedPerson,
  AdminPeople,
  AdminPerson,
  CsvImported,
  CsvPreview,
  NewPerson,
  PersonPage,
  TeamChoice,
  TeamsList,
} from '../../src/shared/people-admin'

describe.each(backends)('people and teams on %s', (backend) => {
  let server: ServerFixture
  let admin: string
  let teams: TeamsList
  let other: { orgId: string; personId: string }
  beforeAll(async () => {
    server = await demoServer(backend)
    other = await addOtherOrganisation(server.db, 'admin')
    admin = await server.signIn('admin@demo.local')
    teams = (await call('GET', '/api/teams', admin)).json<TeamsList>()
  })
  afterAll(() => server.close())

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, body?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(method === 'GET' ? {} : { payload: (body ?? {}) as object }),
    })
  const count = async (table: string) =>
    Number((await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n)
  const pull = (cookie: string, since = 0) => call('GET', `/api/sync/pull?since=${since}&limit=5000`, cookie)
  const checkpointOf = async (cookie: string) => {
    let since = 0
    for (;;) {
      const page = (await pull(cookie, since)).json<PullResponse>()
      since = page.checkpoint
      if (!page.hasMore) return since
    }
  }
  let serial = 0
  const newcomer = (overrides: Partial<NewPerson> = {}): NewPerson => ({
    name: `Sam Newcomer ${++serial}`,
    jobTitle: 'Family support worker',
    email: `sam.newcomer.${serial}@demo.local`,
    role: 'practitioner',
    teamIds: [teams.teams[0]!.id],
    managesTeamIds: [],
    ...overrides,
  })
  async function add(person = newcomer()): Promise<AddedPerson> {
    const response = await call('POST', '/api/people', admin, person)
    expect(response.statusCode, response.body).toBe(201)
    return response.json<AddedPerson>()
  }
  const setPassword = (email: string, code: string, password = 'a long new password') =>
    call('POST', '/api/auth/set-password', undefined, { email, code, password })
  const signIn = (email: string, password: string) => call('POST', '/api/auth/sign-in', undefined, { email, password })
  const cookieOf = (response: Awaited<ReturnType<typeof call>>) =>
    `gt_session=${response.cookies.find((c) => c.name === 'gt_session')!.value}`
  /** Adds a person and has them set their password and sign in: answers their cookie. */
  async function signedInNewcomer(person = newcomer()) {
    const { person: added, code } = await add(person)
    const set = await setPassword(person.email, code.code)
    expect(set.statusCode, set.body).toBe(200)
    return { person: added, cookie: cookieOf(set) }
  }

  it('adds a team in an area of the organisation, which devices then pull', async () => {
    const area = teams.areas[0]!
    const before = await checkpointOf(admin)
    const response = await call('POST', '/api/teams', admin, {
      name: 'Edge of Care',
      areaId: area.id,
      service: 'Early Help',
    })
    expect(response.statusCode, response.body).toBe(201)
    const team = response.json<TeamChoice>()
    expect(team).toMatchObject({ name: 'Edge of Care', service: 'Early Help', areaId: area.id, areaName: area.name })
    const changes = (await pull(admin, before)).json<PullResponse>().changes
    expect(changes).toEqual([
      expect.objectContaining({
        type: 'team',
        op: 'put',
        data: expect.objectContaining({ id: team.id, name: 'Edge of Care' }),
      }),
    ])

    const again = await call('POST', '/api/teams', admin, { name: 'edge of care', areaId: area.id, service: 'x' })
    expect(again.statusCode).toBe(409)
    const blank = await call('POST', '/api/teams', admin, { name: '  ', areaId: area.id, service: '' })
    expect(blank.statusCode).toBe(400)
    expect(
      blank
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['name', 'service'])
    const otherArea = (
      await server.db.query<{ id: string }>('select id from areas where org_id = $1', [other.orgId])
    )[0]!
    expect(
      (await call('POST', '/api/teams', admin, { name: 'Sneaky', areaId: otherArea.id, service: 's' })).statusCode,
    ).toBe(400)
  })

  it('adds a person with a one-time code that sets their password once, and is then listed', async () => {
    const person = newcomer({ email: 'Pat.Starter@Demo.Local ' })
    const before = await checkpointOf(admin)
    const { person: added, code } = await add(person)
    expect(added).toMatchObject({
      name: person.name,
      email: 'pat.starter@demo.local',
      role: 'practitioner',
      deactivatedAt: null,
    })
    expect(Date.parse(code.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000)
    expect(Date.parse(code.expiresAt) - Date.now()).toBeLessThan(7.1 * 24 * 3600 * 1000)
    expect(code.link).toBe(`/set-password?code=${code.code}`)
    // Only a hash is kept.
    const stored = await server.db.query<{ code_hash: string }>(
      'select code_hash from password_codes where person_id = $1',
      [added.id],
    )
    expect(stored[0]!.code_hash).not.toContain(code.code)
    const changes = (await pull(admin, before)).json<PullResponse>().changes
    expect(changes.map((c) => [c.type, c.op === 'put' && c.data.id])).toEqual([['person', added.id]])

    expect((await signIn('pat.starter@demo.local', 'a long new password')).statusCode).toBe(401)
    expect((await setPassword('pat.starter@demo.local', 'not-the-code')).json().error.code).toBe('wrong_code')
    expect((await setPassword('someone.else@demo.local', code.code)).statusCode).toBe(400)
    const set = await setPassword('pat.starter@demo.local', code.code)
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json().person.id).toBe(added.id)
    expect((await call('GET', '/api/auth/session', cookieOf(set))).statusCode).toBe(200)
    expect((await setPassword('pat.starter@demo.local', code.code, 'another long password')).statusCode).toBe(400)
    expect((await signIn('pat.starter@demo.local', 'a long new password')).statusCode).toBe(200)

    const listed = (await call('GET', '/api/people', admin)).json<AdminPeople>().people
    expect(listed.find((p) => p.id === added.id)).toMatchObject({ email: 'pat.starter@demo.local', activeSessions: 2 })
    const taken = await call('POST', '/api/people', admin, newcomer({ email: 'pat.starter@demo.local' }))
    expect(taken.statusCode).toBe(409)
    expect((await setPassword('x@demo.local', 'c', 'short')).json().error.issues[0].path).toBe('password')
  })

  it('refuses a code that has expired, and throttles guessing', async () => {
    const person = newcomer()
    const { code } = await add(person)
    await server.db.query(
      "update password_codes set expires_at = now() - interval '1 second' where code_hash is not null",
    )
    expect((await setPassword(person.email, code.code)).statusCode).toBe(400)
    const fresh = (await call('POST', `/api/people/${(await add()).person.id}/code`, admin)).statusCode
    expect(fresh).toBe(200)

    const target = newcomer()
    const issued = (await add(target)).code
    const guesses = []
    for (let i = 0; i < 4; i++) guesses.push((await setPassword(target.email, `guess-${i}`)).statusCode)
    expect(guesses).toEqual([400, 400, 400, 429])
    // Throttled before the code is checked: even the right one waits.
    const right = await setPassword(target.email, issued.code)
    expect(right.statusCode).toBe(429)
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0)
    expect(right.json().error.message).toContain('wrong one-time codes')
  })

  it('does not let someone guessing codes for an email make its owner wait to sign in', async () => {
    const person = newcomer()
    const { code } = await add(person)
    expect((await setPassword(person.email, code.code)).statusCode).toBe(200)
    const guesses = []
    for (let i = 0; i < 4; i++) guesses.push((await setPassword(person.email, `guess-${i}`)).statusCode)
    expect(guesses).toEqual([400, 400, 400, 429])
    expect((await signIn(person.email, 'a long new password')).statusCode).toBe(200)
  })

  it('previews a CSV export and imports it whole, or refuses a bad file whole with every problem by row and column', async () => {
    const [first, second] = teams.teams
    const good = [
      'Email,Name,Job title,Role,Teams,Manages teams',
      `jo.csv@demo.local,Jo Csv,Social worker,Practitioner,${first!.name},`,
      `"lee.csv@demo.local","Lee Csv, Jr","Team manager",manager,"${first!.name}; ${second!.name}",${second!.name}`,
      ',,,,,',
    ].join('\r\n')
    const people = await count('people')
    const preview = await call('POST', '/api/people/import/preview', admin, { csv: good })
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json<CsvPreview>()).toEqual({
      problems: [],
      people: [
        {
          row: 2,
          name: 'Jo Csv',
          jobTitle: 'Social worker',
          email: 'jo.csv@demo.local',
          role: 'practitioner',
          teamIds: [first!.id],
          managesTeamIds: [],
        },
        {
          row: 3,
          name: 'Lee Csv, Jr',
          jobTitle: 'Team manager',
          email: 'lee.csv@demo.local',
          role: 'manager',
          teamIds: [first!.id, second!.id],
          managesTeamIds: [second!.id],
        },
      ],
    })
    expect(await count('people')).toBe(people)

    const bad = [
      'Name,Job title,Email,Role,Teams,Manages teams',
      `Ok Person,Worker,ok.csv@demo.local,viewer,${first!.name},`,
      `,Worker,not-an-email,chief,No Such Team,`,
      `Twin,Worker,ok.csv@demo.local,viewer,,`,
      `Old,Worker,admin@demo.local,viewer,,`,
    ].join('\n')
    const before = {
      people: await count('people'),
      accounts: await count('accounts'),
      codes: await count('password_codes'),
    }
    const checked = (await call('POST', '/api/people/import/preview', admin, { csv: bad })).json<CsvPreview>()
    expect(checked.problems).toEqual([
      {
        row: 3,
        column: 'Teams',
        message: 'There is no team called "No Such Team" in your organisation. Add it first.',
      },
      { row: 3, column: 'Name', message: 'Enter their name' },
      { row: 3, column: 'Role', message: 'The role must be one of practitioner, manager, admin, viewer.' },
      { row: 3, column: 'Email', message: 'Enter your email address, like name@example.org' },
      { row: 4, column: 'Email', message: 'This email is also in row 2; each person needs their own.' },
      { row: 5, column: 'Email', message: 'Someone in Golden Thread already has this email.' },
    ])
    const refused = await call('POST', '/api/people/import', admin, { csv: bad })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.issues).toContainEqual({
      path: 'row 5, Email',
      message: 'Someone in Golden Thread already has this email.',
    })
    expect({
      people: await count('people'),
      accounts: await count('accounts'),
      codes: await count('password_codes'),
    }).toEqual(before)

    const missing = (
      await call('POST', '/api/people/import/preview', admin, { csv: 'Name,Email\nA,a@b.org' })
    ).json<CsvPreview>()
    expect(missing.problems.map((p) => p.column)).toEqual(['Job title', 'Role', 'Teams', 'Manages teams'])
    const unclosed = (
      await call('POST', '/api/people/import/preview', admin, { csv: 'Name,"Job title\nA,b' })
    ).json<CsvPreview>()
    expect(unclosed.problems).toHaveLength(1)

    const imported = await call('POST', '/api/people/import', admin, { csv: good })
    expect(imported.statusCode, imported.body).toBe(201)
    const { added } = imported.json<CsvImported>()
    expect(added.map((a) => a.person.email)).toEqual(['jo.csv@demo.local', 'lee.csv@demo.local'])
    expect(new Set(added.map((a) => a.code.code)).size).toBe(2)
    expect(await count('people')).toBe(people + 2)
    expect((await setPassword('lee.csv@demo.local', added[1]!.code.code)).statusCode).toBe(200)
  })

  it('deactivates a person: their sessions end at once, their device is told to wipe, and they cannot sign in', async () => {
    const person = newcomer()
    const { person: added, cookie } = await signedInNewcomer(person)
    expect((await pull(cookie)).statusCode).toBe(200)
    const deactivated = await call('POST', `/api/people/${added.id}/deactivate`, admin)
    expect(deactivated.statusCode, deactivated.body).toBe(200)
    expect(deactivated.json<AdminPerson>()).toMatchObject({ activeSessions: 0 })
    expect(Date.now() - Date.parse(deactivated.json<AdminPerson>().deactivatedAt!)).toBeLessThan(60_000)

    const next = await pull(cookie)
    expect(next.statusCode).toBe(401)
    expect(next.json().error.code).toBe('session_ended')
    const refused = await signIn(person.email, 'a long new password')
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'deactivated'])
    expect((await signIn(person.email, 'a wrong password')).json().error.code).toBe('wrong_credentials')
    expect((await call('POST', `/api/people/${added.id}/code`, admin)).statusCode).toBe(409)
    const listed = (await call('GET', '/api/people', admin)).json<AdminPeople>().people
    expect(listed.find((p) => p.id === added.id)?.deactivatedAt).toBeTruthy()
    expect(
      (
        await call(
          'POST',
          `/api/people/${(await call('GET', '/api/auth/session', admin)).json().person.id}/deactivate`,
          admin,
        )
      ).statusCode,
    ).toBe(409)
  })

  it('moves a person between teams, which their next pull carries', async () => {
    const [first, second] = teams.teams
    const { person, cookie } = await signedInNewcomer(newcomer({ teamIds: [first!.id] }))
    const since = await checkpointOf(cookie)
    const moved = await call('PUT', `/api/people/${person.id}`, admin, {
      name: person.name,
      jobTitle: 'Senior practitioner',
      role: 'manager',
      teamIds: [second!.id],
      managesTeamIds: [second!.id],
    })
    expect(moved.statusCode, moved.body).toBe(200)
    const changes = (await pull(cookie, since)).json<PullResponse>().changes
    expect(changes).toEqual([
      expect.objectContaining({
        type: 'person',
        data: expect.objectContaining({
          id: person.id,
          teamIds: [second!.id],
          managesTeamIds: [second!.id],
          role: 'manager',
        }),
      }),
    ])
    const page = (await call('GET', `/api/people/${person.id}`, admin)).json<PersonPage>()
    expect(page.person.teamIds).toEqual([second!.id])
    const foreignTeam = (
      await server.db.query<{ id: string }>('select id from teams where org_id = $1 limit 1', [other.orgId])
    )[0]
    if (foreignTeam) {
      const sneaky = await call('PUT', `/api/people/${person.id}`, admin, {
        ...page.person,
        teamIds: [foreignTeam.id],
        managesTeamIds: [],
      })
      expect(sneaky.statusCode).toBe(400)
    }
  })

  it('lists the actions, milestones and assignments a person owns for reassignment on their admin page', async () => {
    const { person } = await add()
    const [action] = await server.db.query<{ id: string; code: string; org_id: string }>(
      "select a.id, a.code, a.org_id from actions a join people p on p.org_id = a.org_id join accounts c on c.person_id = p.id where c.email = 'admin@demo.local' order by a.code limit 1",
    )
    const [milestone] = await server.db.query<{ id: string; title: string }>(
      'select id, title from milestones where action_id = $1 limit 1',
      [action!.id],
    )
    await server.db.query('update actions set lead_person_id = $2 where id = $1', [action!.id, person.id])
    if (milestone)
      await server.db.query('update milestones set owner_person_id = $2 where id = $1', [milestone.id, person.id])
    await server.db.query(
      `insert into assignments (id, org_id, version, action_id, person_id, assigned_by) values (gen_random_uuid(), $1, 0, $2, $3, $3)`,
      [action!.org_id, action!.id, person.id],
    )
    const page = (await call('GET', `/api/people/${person.id}`, admin)).json<PersonPage>()
    expect(page.ownedWork.actions).toEqual([expect.objectContaining({ id: action!.id, code: action!.code })])
    if (milestone)
      expect(page.ownedWork.milestones).toEqual([
        { id: milestone.id, title: milestone.title, actionCode: action!.code },
      ])
    expect(page.ownedWork.assignments).toEqual([
      expect.objectContaining({ actionCode: action!.code, milestoneTitle: null }),
    ])
  })

  it('lists the measures and risks a person owns with their projects and milestones, and hands each on in place', async () => {
    const rbwmAdmin = await server.signIn('admin@rbwm.demo.local')
    const rbwmTeams = (await call('GET', '/api/teams', rbwmAdmin)).json<TeamsList>()
    const leaver = (
      await call('POST', '/api/people', rbwmAdmin, newcomer({ teamIds: [rbwmTeams.teams[0]!.id] }))
    ).json<AddedPerson>().person
    const successor = (
      await call('POST', '/api/people', rbwmAdmin, newcomer({ teamIds: [rbwmTeams.teams[0]!.id] }))
    ).json<AddedPerson>().person
    const first = async (sql: string) =>
      (
        await server.db.query<{ id: string }>(
          `${sql} and plan_id = (select p.id from plans p join organisations o on o.id = p.org_id
             where o.short_name = 'RBWM' and p.status = 'approved') order by id limit 1`,
        )
      )[0]!.id
    const action = await first('select id from actions where true')
    const measure = await first('select id from measures where true')
    const risk = await first('select id from risks where true')
    const [milestone] = await server.db.query<{ id: string }>(
      'select id from milestones where action_id = $1 order by id limit 1',
      [action],
    )
    await server.db.query('update actions set lead_person_id = $2 where id = $1', [action, leaver.id])
    for (const [table, id] of [
      ['milestones', milestone!.id],
      ['measures', measure],
      ['risks', risk],
    ])
      await server.db.query(`update ${table} set owner_person_id = $2 where id = $1`, [id, leaver.id])
    const assigned = await pushInject(server.app, rbwmAdmin, {
      mutations: [
        change('assignment.add', {
          id: crypto.randomUUID(),
          actionId: null,
          milestoneId: milestone!.id,
          personId: leaver.id,
          teamId: null,
        }),
      ],
    })
    expect(assigned.results[0]!.outcome, assigned.results[0]!.reason).toBe('applied')

    const owned = (await call('GET', `/api/people/${leaver.id}`, rbwmAdmin)).json<PersonPage>().ownedWork
    expect(owned.actions.map((a) => a.id)).toEqual([action])
    expect(owned.milestones.map((m) => m.id)).toEqual([milestone!.id])
    expect(owned.measures).toEqual([{ id: measure, title: expect.any(String) }])
    expect(owned.risks).toEqual([{ id: risk, title: expect.stringMatching(/^Risk /) }])
    expect(owned.assignments).toEqual([expect.objectContaining({ milestoneId: milestone!.id })])

    // Handed on as the PersonView does it: an edit of each record's owner, and the assignment moved.
    const to = successor.id
    const handedOn = await pushInject(server.app, rbwmAdmin, {
      mutations: [
        change('record.edit', { type: 'action', id: action, fields: { leadPersonId: to } }),
        change('record.edit', { type: 'milestone', id: milestone!.id, fields: { ownerPersonId: to } }),
        change('record.edit', { type: 'measure', id: measure, fields: { ownerPersonId: to } }),
        change('record.edit', { type: 'risk', id: risk, fields: { ownerPersonId: to } }),
        change('assignment.add', {
          id: crypto.randomUUID(),
          actionId: null,
          milestoneId: milestone!.id,
          personId: to,
          teamId: null,
        }),
        change('assignment.remove', { id: owned.assignments[0]!.id }),
      ],
    })
    expect(handedOn.results.map((r) => r.outcome)).toEqual(Array(6).fill('applied'))
    expect((await call('GET', `/api/people/${leaver.id}`, rbwmAdmin)).json<PersonPage>().ownedWork).toEqual({
      actions: [],
      milestones: [],
      measures: [],
      risks: [],
      assignments: [],
    })
    const successorOwns = (await call('GET', `/api/people/${to}`, rbwmAdmin)).json<PersonPage>().ownedWork
    expect([successorOwns.actions, successorOwns.milestones, successorOwns.measures, successorOwns.risks]).toEqual([
      [expect.objectContaining({ id: action })],
      [expect.objectContaining({ id: milestone!.id })],
      [expect.objectContaining({ id: measure })],
      [expect.objectContaining({ id: risk })],
    ])
    expect(successorOwns.assignments).toEqual([expect.objectContaining({ milestoneId: milestone!.id })])
  })

  it('reactivates a leaver who returns: a new one-time code sets a new password, the old one no longer works', async () => {
    const person = newcomer()
    const { person: added } = await signedInNewcomer(person)
    const notYet = await count('password_codes')
    expect((await call('POST', `/api/people/${added.id}/reactivate`, admin)).statusCode).toBe(409)
    expect(await count('password_codes')).toBe(notYet)
    expect((await call('POST', `/api/people/${added.id}/deactivate`, admin)).statusCode).toBe(200)

    const reactivated = await call('POST', `/api/people/${added.id}/reactivate`, admin)
    expect(reactivated.statusCode, reactivated.body).toBe(200)
    const { person: back, code } = reactivated.json<AddedPerson>()
    expect(back).toMatchObject({ id: added.id, deactivatedAt: null, activeSessions: 0 })
    expect(code.link).toBe(`/set-password?code=${code.code}`)
    expect((await signIn(person.email, 'a long new password')).json().error.code).toBe('wrong_credentials')
    const set = await setPassword(person.email, code.code, 'a returning password')
    expect(set.statusCode, set.body).toBe(200)
    expect((await pull(cookieOf(set))).statusCode).toBe(200)
    expect((await signIn(person.email, 'a returning password')).statusCode).toBe(200)
    expect(
      (await call('GET', '/api/people', admin)).json<AdminPeople>().people.find((p) => p.id === added.id),
    ).toMatchObject({ deactivatedAt: null })
  })

  it('lets only plan admins, and only in their own organisation, manage people and teams', async () => {
    const { person } = await add()
    const requests: ['GET' | 'POST' | 'PUT', string, unknown?][] = [
      ['GET', '/api/teams'],
      ['POST', '/api/teams', { name: 'T', areaId: teams.areas[0]!.id, service: 'S' }],
      ['POST', '/api/people', newcomer()],
      ['POST', '/api/people/import/preview', { csv: 'Name' }],
      ['POST', '/api/people/import', { csv: 'Name' }],
      ['GET', `/api/people/${person.id}`],
      ['PUT', `/api/people/${person.id}`, newcomer()],
      ['POST', `/api/people/${person.id}/code`],
      ['POST', `/api/people/${person.id}/deactivate`],
      ['POST', `/api/people/${person.id}/reactivate`],
    ]
    const people = await count('people')
    for (const email of ['practitioner@demo.local', 'manager@demo.local', 'viewer@demo.local']) {
      const cookie = await server.signIn(email)
      for (const [method, url, body] of requests) {
        const response = await call(method, url, cookie, body)
        expect(response.statusCode, `${email} ${method} ${url}`).toBe(403)
        expect(response.json().error.message).toMatch(/^Only a plan admin can /)
      }
    }
    for (const [method, url, body] of requests) expect((await call(method, url, undefined, body)).statusCode).toBe(401)
    const otherAdmin = await server.signIn(otherAccount.email, otherAccount.password)
    for (const [method, url, body] of requests.slice(5)) {
      expect((await call(method, url, otherAdmin, body ?? {})).statusCode, `${method} ${url}`).toBe(404)
    }
    expect((await call('GET', `/api/people/${other.personId}`, admin)).statusCode).toBe(404)
    expect(await count('people')).toBe(people)
    expect((await call('GET', `/api/people/${person.id}`, admin)).json<PersonPage>().person.deactivatedAt).toBeNull()
  })
})
