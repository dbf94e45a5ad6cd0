import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { backends } from '../support/databases'
import { demoServer, type ServerFixture } from '../support/server-fixture'
import { buildApp } from '../../src/server/app'
import type { Queryable } from '../../src/server/db/database'
import { openDatabase } from '../../src/server/db/database'
import { migrate } from '../../src/server/db/migrate'
import { insertRecords } from '../../src/server/db/tables'
import { reserveVersions } from '../../src/server/db/versions'
import { hashPassword } from '../../src/server/auth/passwords'
import { createOrganisation } from '../../src/server/demo/seed'
import { demoPassword } from '../../src/server/demo/people'
import type { ImportProblem, ImportSummary } from '../../src/shared/plans/import-summary'
import type { Role } from '../../src/shared/entities'
import rbwm from '../../src/server/demo/plans/002-rbwm-childrens-services-business-plan-2017-18.json' with { type: 'json' }
import { rbwmPlanFields, rbwmTheme1Rows } from '../../src/server/plans/spreadsheet/rbwm-theme-1.fixture'
import { csvBytes, layoutHeaders, xlsxBytes } from '../../src/server/plans/spreadsheet/spreadsheet-files.fixture'

type Doc = typeof rbwm
const copy = (): Doc => structuredClone(rbwm)
const recordCount =
  rbwm.themes.length +
  rbwm.actions.length +
  rbwm.milestones.length +
  rbwm.risks.length +
  rbwm.measures.length +
  rbwm.sections.length

// Every table an import may write, counted to show a preview or a refusal wrote nothing.
const importTables = [
  'organisations',
  'org_values',
  'areas',
  'outcomes',
  'plans',
  'recommendations',
  'themes',
  'actions',
  'milestones',
  'measures',
  'risks',
  'sections',
  'plan_imports',
]
async function rowCounts(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of importTables)
    counts[table] = (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n
  return counts
}

/** An organisation with no plan yet, and one person of each role asked for, who can sign in. */
async function emptyOrganisation(db: Queryable, shortName: string, roles: Role[]) {
  const orgId = await createOrganisation(db, `${shortName} Council`, shortName)
  const people: Partial<Record<Role, { id: string; email: string }>> = {}
  for (const role of roles) {
    const id = randomUUID()
    const email = `${role}@${shortName.toLowerCase()}.example`
    const version = await reserveVersions(db, orgId, 1)
    await insertRecords(db, 'people', [
      {
        id,
        orgId,
        version,
        name: `${role} of ${shortName}`,
        jobTitle: 'Officer',
        role,
        teamIds: [],
        managesTeamIds: [],
      },
    ])
    await insertRecords(db, 'accounts', [{ personId: id, email, passwordHash: await hashPassword(demoPassword) }])
    people[role] = { id, email }
  }
  return { orgId, people }
}

const problemsOf = (response: LightMyRequestResponse): ImportProblem[] =>
  response.json<{ error: { issues: ImportProblem[] } }>().error.issues

describe.each(backends)('the plan import API on %s', (backend) => {
  let server: ServerFixture
  let fresh: Awaited<ReturnType<typeof emptyOrganisation>>
  let admin: string
  let practitioner: string
  beforeAll(async () => {
    server = await demoServer(backend)
    fresh = await emptyOrganisation(server.db, 'Fresh', ['admin', 'practitioner'])
    admin = await server.signIn(fresh.people.admin!.email)
    practitioner = await server.signIn(fresh.people.practitioner!.email)
  }, 120_000)
  afterAll(() => server?.close())

  const post = (url: string, cookie: string | undefined, payload: unknown) =>
    server.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    })
  const preview = (cookie: string | undefined, payload: unknown) => post('/api/plans/import/preview', cookie, payload)
  const importing = (cookie: string | undefined, payload: unknown) => post('/api/plans/import', cookie, payload)
  const freshRows = async (table: string) =>
    (
      await server.db.query<{ n: number }>(`select count(*)::int as n from ${table} where org_id = $1`, [fresh.orgId])
    )[0]!.n

  it('is for plan admins only: signed out 401, a practitioner 403, the template too', async () => {
    const before = await rowCounts(server.db)
    for (const url of ['/api/plans/import/preview', '/api/plans/import']) {
      expect((await post(url, undefined, rbwm)).statusCode).toBe(401)
      const refused = await post(url, practitioner, rbwm)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error.code).toBe('forbidden')
    }
    for (const format of ['csv', 'xlsx']) {
      expect((await server.app.inject({ url: `/api/plans/import/template.${format}` })).statusCode).toBe(401)
      expect(
        (await server.app.inject({ url: `/api/plans/import/template.${format}`, headers: { cookie: practitioner } }))
          .statusCode,
      ).toBe(403)
    }
    expect(await rowCounts(server.db)).toEqual(before)
  })

  it('gives plan admins the spreadsheet template, CSV and XLSX', async () => {
    const csv = await server.app.inject({ url: '/api/plans/import/template.csv', headers: { cookie: admin } })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/)
    expect(csv.body.split(/\r?\n/)[0]).toContain('Theme code')
    const xlsx = await server.app.inject({ url: '/api/plans/import/template.xlsx', headers: { cookie: admin } })
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
  })

  it('previews a document and writes nothing', async () => {
    const before = await rowCounts(server.db)
    const response = await preview(admin, rbwm)
    expect(response.statusCode).toBe(200)
    const summary = response.json<ImportSummary>()
    expect(summary).toMatchObject({
      planTitle: rbwm.plan.title,
      planExisted: false,
      changed: [],
      unchanged: 0,
      notInDocument: [],
    })
    expect(summary.created.filter((item) => item.kind === 'milestone')).toHaveLength(rbwm.milestones.length)
    expect(summary.created.find((item) => item.key === 't1-action-1')).toMatchObject({ kind: 'action' })
    expect(await rowCounts(server.db)).toEqual(before)
  })

  it("imports into the admin's own organisation only, the same document again changes nothing", async () => {
    const rbwmAdmin = await server.signIn('admin@rbwm.demo.local')
    const first = await importing(admin, rbwm)
    expect(first.statusCode).toBe(200)
    const created = first.json<ImportSummary>()
    expect(created.created.length).toBeGreaterThanOrEqual(recordCount)
    expect(await freshRows('milestones')).toBe(rbwm.milestones.length)
    expect(await freshRows('actions')).toBe(rbwm.actions.length)
    const [plan] = await server.db.query<{ id: string; org_id: string }>('select id, org_id from plans where id = $1', [
      created.planId,
    ])
    expect(plan?.org_id).toBe(fresh.orgId)
    const imports = await server.db.query<{ imported_by: string }>(
      'select imported_by from plan_imports where org_id = $1',
      [fresh.orgId],
    )
    expect(imports).toEqual([{ imported_by: fresh.people.admin!.id }])

    const again = await importing(admin, rbwm)
    expect(again.statusCode).toBe(200)
    expect(again.json<ImportSummary>()).toMatchObject({
      planId: created.planId,
      planExisted: true,
      created: [],
      changed: [],
      notInDocument: [],
      organisation: [],
    })
    expect(again.json<ImportSummary>().unchanged).toBe(created.created.length)

    // Another organisation's admin sending the same document imports into their own organisation, never this one.
    const before = await rowCounts(server.db)
    const theirs = await importing(rbwmAdmin, { ...rbwm, orgId: fresh.orgId })
    expect(theirs.statusCode).toBe(422)
    expect(problemsOf(theirs).map((p) => p.path)).toContain('(the document)')
    const intoTheirs = await importing(rbwmAdmin, rbwm)
    expect(intoTheirs.statusCode).toBe(200)
    expect(intoTheirs.json<ImportSummary>().planId).not.toBe(created.planId)
    expect(await freshRows('milestones')).toBe(rbwm.milestones.length)
    expect((await rowCounts(server.db)).plan_imports).toBe(before.plan_imports)
  })

  it('updates a changed document in place, lists the changed fields, keeps the status and the earlier import', async () => {
    const [action] = await server.db.query<{ id: string }>(
      "select id from actions where org_id = $1 and import_key = 't1-action-1'",
      [fresh.orgId],
    )
    await server.db.query("update actions set status = 'at-risk' where id = $1", [action!.id])
    const changed = copy()
    changed.actions[0]!.description = 'A clearer pathway for every referral, rewritten.'
    // The last, so no other milestone moves up a place.
    const dropped = changed.milestones.pop()!
    const before = await rowCounts(server.db)

    const previewed = await preview(admin, changed)
    expect(previewed.json<ImportSummary>().changed).toEqual([
      { kind: 'action', key: 't1-action-1', label: expect.any(String), fields: ['description'] },
    ])
    expect(await rowCounts(server.db)).toEqual(before)

    const response = await importing(admin, changed)
    expect(response.statusCode).toBe(200)
    const summary = response.json<ImportSummary>()
    expect(summary.changed).toEqual(previewed.json<ImportSummary>().changed)
    expect(summary.created).toEqual([])
    expect(summary.notInDocument).toEqual([{ kind: 'milestone', key: dropped.key, label: dropped.title }])
    const [stored] = await server.db.query<{ description: string; status: string }>(
      'select description, status from actions where id = $1',
      [action!.id],
    )
    expect(stored).toEqual({ description: 'A clearer pathway for every referral, rewritten.', status: 'at-risk' })
    // Kept, not deleted: it may carry updates and evidence.
    expect(await freshRows('milestones')).toBe(rbwm.milestones.length)
    const imports = await server.db.query<{ changed: unknown[] }>(
      'select changed from plan_imports where org_id = $1 order by imported_at',
      [fresh.orgId],
    )
    expect(imports).toHaveLength(2)
    expect(imports[1]!.changed).toHaveLength(1)
  })

  it('refuses a bad document with every path, writing nothing', async () => {
    const bad = copy() as Doc & { actions: Record<string, unknown>[] }
    ;(bad.actions[1] as Record<string, unknown>).colour = 'red'
    bad.milestones[2]!.deadline = { text: 'Sometime', date: '2017-02-30' }
    bad.actions[3]!.theme = 'no-such-theme'
    bad.themes[0]!.title = 'Nul\u0000here'
    const before = await rowCounts(server.db)
    for (const send of [preview, importing]) {
      const response = await send(admin, bad)
      expect(response.statusCode).toBe(422)
      expect(response.json().error.code).toBe('import_refused')
      const paths = problemsOf(response).map((p) => p.path)
      expect(paths).toEqual(expect.arrayContaining(['actions[1]', 'milestones[2].deadline.date', 'themes[0].title']))
    }
    // A reference to a key nothing defines is found once the document's shape is right.
    const missing = copy()
    missing.actions[3]!.theme = 'no-such-theme'
    const refused = await importing(admin, missing)
    expect(refused.statusCode).toBe(422)
    expect(problemsOf(refused)).toEqual([
      { path: 'actions[3].theme', message: expect.stringContaining('no-such-theme') },
    ])
    for (const junk of [null, 42, 'text', []]) expect((await importing(admin, junk)).statusCode).toBe(422)
    // Two problems in each of 65 milestones: the first hundred, and how many more.
    const manyBad = copy()
    for (const milestone of manyBad.milestones)
      Object.assign(milestone, { deadline: { text: 'Never', date: '2017-13-01' }, colour: 'red' })
    const many = problemsOf(await importing(admin, manyBad))
    expect(many).toHaveLength(101)
    expect(many[100]).toEqual({
      path: '(the document)',
      message: `…and ${2 * rbwm.milestones.length - 100} more problems. Fix these first.`,
    })
    expect(await rowCounts(server.db)).toEqual(before)
  })

  it('imports a CSV and an XLSX upload, and refuses a bad spreadsheet with its row and column', async () => {
    const content = Buffer.from(csvBytes(rbwmTheme1Rows)).toString('base64')
    const plan = { ...rbwmPlanFields, key: 'rbwm-theme-1-from-csv' }
    const csvPreview = await preview(admin, { spreadsheet: { format: 'csv', content }, plan })
    expect(csvPreview.statusCode).toBe(200)
    expect(csvPreview.json<ImportSummary>().created.filter((item) => item.kind === 'milestone')).toHaveLength(8)
    const csv = await importing(admin, { spreadsheet: { format: 'csv', content }, plan })
    expect(csv.statusCode).toBe(200)
    expect(
      (await importing(admin, { spreadsheet: { format: 'csv', content }, plan })).json<ImportSummary>(),
    ).toMatchObject({ created: [], changed: [] })

    const xlsx = await xlsxBytes([
      { sheet: 'Plan items', rows: [layoutHeaders, ...rbwmTheme1Rows] },
      {
        sheet: 'Plan',
        rows: [
          ['Field', 'Value'],
          ['Title', 'Theme 1 from a workbook'],
          ['Kind', 'Business plan'],
          ['Status', 'Draft'],
          ['Version', 'v1'],
          ['Source', 'A test workbook'],
        ],
      },
    ])
    const workbook = await importing(admin, {
      spreadsheet: { format: 'xlsx', content: Buffer.from(xlsx).toString('base64') },
    })
    expect(workbook.statusCode, workbook.body).toBe(200)
    expect(workbook.json<ImportSummary>()).toMatchObject({ planTitle: 'Theme 1 from a workbook', planExisted: false })

    const before = await rowCounts(server.db)
    const badRows = rbwmTheme1Rows.map((row) => [...row])
    badRows[1]![0] = 'Another theme code'
    const refused = await importing(admin, {
      spreadsheet: { format: 'csv', content: Buffer.from(csvBytes(badRows)).toString('base64') },
      plan,
    })
    expect(refused.statusCode).toBe(422)
    expect(problemsOf(refused)[0]!.path).toMatch(/^row 3, Theme title \(B3\)/)
    const noPlan = await importing(admin, { spreadsheet: { format: 'csv', content } })
    expect(problemsOf(noPlan).map((p) => p.path)).toEqual(expect.arrayContaining(['plan.title', 'plan.kind']))
    expect((await importing(admin, { spreadsheet: { format: 'ods', content } })).statusCode).toBe(400)
    expect((await importing(admin, { spreadsheet: { format: 'csv', content: 'not base64!' } })).statusCode).toBe(400)
    expect(await rowCounts(server.db)).toEqual(before)
  })
})

describe('what the import logs', () => {
  it("holds none of the document's text, taken or refused", async () => {
    const server = await demoServer('pglite')
    const log: string[] = []
    const app = await buildApp({
      db: server.db,
      logLevel: 'info',
      logDestination: { write: (line) => void log.push(line) },
    })
    try {
      const cookie = await server.signIn('admin@rbwm.demo.local')
      const secret = copy()
      secret.actions[0]!.description = 'Tell nobody: Ravenscroft family'
      secret.milestones[0]!.deadline = { text: 'Ravenscroft deadline', date: '2017-02-30' }
      for (const url of ['/api/plans/import/preview?note=Ravenscroft', '/api/plans/import']) {
        const response = await app.inject({
          method: 'POST',
          url,
          payload: JSON.stringify(secret),
          headers: { 'content-type': 'application/json', cookie },
        })
        expect(response.statusCode).toBe(422)
        expect(response.body).toContain('milestones[0].deadline.date')
      }
      expect(log.length).toBeGreaterThan(0)
      expect(log.join('\n')).not.toContain('Ravenscroft')
    } finally {
      await app.close()
      await server.close()
    }
  })
})

describe('npm run import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gt-import-cli-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  let orgId = ''
  beforeAll(async () => {
    const db = await openDatabase({ dataDir: `${dataDir}/pglite` })
    await migrate(db)
    orgId = await createOrganisation(db, 'Command Line Council', 'CLC')
    await createOrganisation(db, 'Second Council', 'Second')
    await db.close()
  }, 120_000)

  const run = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/plans/import/cli.ts', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.once('exit', (code) => resolve({ code, stdout, stderr }))
    })
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dataDir, name)
    writeFileSync(path, content)
    return path
  }
  const plansOf = async () => {
    const db = await openDatabase({ dataDir: `${dataDir}/pglite` })
    try {
      return (await db.query<{ n: number }>('select count(*)::int as n from milestones where org_id = $1', [orgId]))[0]!
        .n
    } finally {
      await db.close()
    }
  }

  it(
    'previews, imports, re-imports a JSON document and a CSV, and refuses a bad one with its paths',
    { timeout: 180_000 },
    async () => {
      const json = file('rbwm.json', JSON.stringify(rbwm))
      const unnamed = await run(json)
      expect(unnamed.code).toBe(2)
      expect(unnamed.stderr).toContain('The organisations are: CLC, Second.')

      const dry = await run(json, '--organisation', 'clc', '--dry-run')
      expect(dry.stderr).toBe('')
      expect(dry.code).toBe(0)
      expect(dry.stdout).toContain(`Preview (nothing written): ${rbwm.plan.title} (a new plan)`)
      expect(dry.stdout).toMatch(
        /\d+ records to create, 0 records to change, 0 unchanged, 0 no longer in the document \(kept\)/,
      )
      expect(await plansOf()).toBe(0)

      expect((await run(json, '--organisation', 'CLC')).code).toBe(0)
      expect(await plansOf()).toBe(rbwm.milestones.length)
      const again = await run(json, '--organisation', 'CLC')
      expect(again.stdout).toMatch(/0 records created, 0 records changed, \d+ unchanged/)

      const csv = file('theme-1.csv', csvBytes(rbwmTheme1Rows))
      const fields = Object.entries(rbwmPlanFields).flatMap(([name, value]) => ['--plan', `${name}=${value}`])
      const fromCsv = await run(csv, '--organisation', 'CLC', '--plan', 'key=theme-1-csv', ...fields)
      expect(fromCsv.stderr).toBe('')
      // The plan, Theme 1, its four actions and eight milestones.
      expect(fromCsv.stdout).toContain(`${1 + 1 + 4 + 8} records created`)

      const bad = copy()
      bad.actions[0]!.theme = 'no-such-theme'
      const refused = await run(file('bad.json', JSON.stringify(bad)), '--organisation', 'CLC')
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('Nothing was written.')
      expect(refused.stderr).toContain('actions[0].theme: Nothing has the theme key "no-such-theme"')
      expect(await plansOf()).toBe(rbwm.milestones.length + 8)
    },
  )
})
