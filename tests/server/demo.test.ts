import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/server/db/database'
import { seedDemo } from '../../src/server/demo/seed'
import { planDocumentSchema } from '../../src/shared/plan-document'
import afcPlan from '../../src/server/demo/afc-business-plan-2020-24.json' with { type: 'json' }
import { backends, freshDatabase } from '../support/databases'

describe('the demo plan document', () => {
  const doc = planDocumentSchema.parse(afcPlan)

  it('holds the vision, three values, seven ways of working and six priorities', () => {
    expect(doc.organisation.vision).toMatch(/^Our vision is to provide children and their families/)
    expect(doc.organisation.values.map((v) => v.name)).toEqual(['Trust', 'Respect', 'Empower'])
    expect(doc.organisation.howWeWork).toHaveLength(7)
    expect(doc.themes.map((t) => t.title)).toEqual([
      'Stronger families', 'Positive futures', 'Excellent workforce', 'Financial stability', 'Commercial success', 'Smarter working',
    ])
    for (const theme of doc.themes) {
      expect(theme.outcome.length).toBeGreaterThan(50)
      expect(theme.rationale.length).toBeGreaterThan(50)
    }
  })

  it('holds every priority project of the company and the three boroughs, each with lead, 2024 measure and 2021 milestone', () => {
    const byArea = (area: string) => doc.actions.filter((a) => a.areas.includes(area)).length
    expect([byArea('company'), byArea('kingston'), byArea('richmond'), byArea('windsor-maidenhead')]).toEqual([10, 13, 14, 10])
    for (const action of doc.actions) {
      expect(action.leadRole).not.toBe('')
      expect(action.successMeasure, action.code).toBeTruthy()
      expect(action.yearMilestone, action.code).toBeTruthy()
    }
  })

  it('keeps the workforce and staff survey targets as measures', () => {
    const titles = doc.measures.map((m) => m.title.toLowerCase()).join('\n')
    expect(titles).toMatch(/turnover/)
    expect(titles).toMatch(/agency/)
    expect(titles).toMatch(/trust, respect and empowerment/)
    const values = doc.measures.find((m) => /trust, respect and empowerment/i.test(m.title))
    expect(values?.targets.map((t) => t.value)).toEqual([60, 75])
  })
})

describe.each(backends)('loading the demo on %s', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await freshDatabase(backend)
  })
  afterAll(() => db.close())

  it('loads once, and a second start changes nothing', async () => {
    expect(await seedDemo(db)).toBe(true)
    expect(await seedDemo(db)).toBe(false)
    const [counts] = await db.query<Record<string, number>>(`select
      (select count(*)::int from organisations) as organisations,
      (select count(*)::int from actions) as actions,
      (select count(*)::int from teams) as teams,
      (select count(*)::int from accounts) as accounts`)
    expect(counts).toEqual({ organisations: 1, actions: 47, teams: 10, accounts: 4 })
  })

  it('gives demo teams in every borough, several services, and the projects they lead', async () => {
    const teams = await db.query<{ area: string; service: string }>(
      'select a.name as area, t.service from teams t join areas a on a.id = t.area_id',
    )
    expect(new Set(teams.map((t) => t.area))).toEqual(new Set(['Whole organisation', 'Kingston', 'Richmond', 'Windsor and Maidenhead']))
    expect(new Set(teams.map((t) => t.service)).size).toBeGreaterThanOrEqual(4)
    const led = await db.query<{ code: string }>(
      `select a.code from actions a join teams t on t.id = a.lead_team_id where t.name = 'Kingston Children with Disabilities Team' order by a.code`,
    )
    expect(led.map((r) => r.code)).toEqual(['K8', 'K9'])
  })

  it('gives every record a distinct version', async () => {
    const rows = await db.query<{ version: number }>(
      `select version from actions union all select version from themes union all select version from people
       union all select version from teams union all select version from org_values union all select version from areas`,
    )
    expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length)
  })
})
