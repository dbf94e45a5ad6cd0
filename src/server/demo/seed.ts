import { randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../db/database'
import { insertRecords } from '../db/tables'
import { reserveVersions } from '../db/versions'
import { hashPassword } from '../auth/passwords'
import { importPlan } from '../plans/import/import-plan'
import {
  afcPeople,
  afcTeams,
  demoPassword,
  greenwichDemo,
  kirkleesDemo,
  rbwmDemo,
  type DemoPerson,
  type DemoTeam,
} from './people'
import { seedDemoDelivery } from './delivery'
import { seedDemoSurveys } from './surveys'
import { seedDemoMonitoring } from './monitoring'
import afcFramework from './plans/000-afc-business-plan-framework-2019-24.json' with { type: 'json' }
import afcBusinessPlan from './plans/001-afc-business-plan-2020-24.json' with { type: 'json' }
import rbwmBusinessPlan from './plans/002-rbwm-childrens-services-business-plan-2017-18.json' with { type: 'json' }
import kirkleesImprovementPlan from './plans/003-kirklees-childrens-improvement-plan-2017.json' with { type: 'json' }
import greenwichBusinessPlan from './plans/004-greenwich-childrens-services-business-plan-2018-20.json' with { type: 'json' }

interface DemoOrganisation {
  name: string
  shortName: string
  /** In order: a plan may name an earlier one (001 succeeds 000). */
  plans: unknown[]
  teams: DemoTeam[]
  people: DemoPerson[]
}

/** The five real plans, each in its own organisation's hands, with made-up teams and people. */
export const demoOrganisations: DemoOrganisation[] = [
  {
    name: 'Achieving for Children',
    shortName: 'AfC',
    plans: [afcFramework, afcBusinessPlan],
    teams: afcTeams,
    people: afcPeople,
  },
  { name: 'Royal Borough of Windsor and Maidenhead', shortName: 'RBWM', plans: [rbwmBusinessPlan], ...rbwmDemo },
  { name: 'Kirklees Council', shortName: 'Kirklees', plans: [kirkleesImprovementPlan], ...kirkleesDemo },
  {
    name: 'Royal Borough of Greenwich',
    shortName: 'Royal Greenwich',
    plans: [greenwichBusinessPlan],
    ...greenwichDemo,
  },
]

function lookup(ids: Map<string, string>, key: string): string {
  const id = ids.get(key)
  if (!id) throw new Error(`Demo data refers to "${key}", which does not exist.`)
  return id
}

/** An organisation with nothing in it yet, for plans to be imported into. */
export async function createOrganisation(tx: Queryable, name: string, shortName: string): Promise<string> {
  const orgId = randomUUID()
  await tx.query(`insert into organisations (id, version, name, short_name, vision) values ($1, 0, $2, $3, '')`, [
    orgId,
    name,
    shortName,
  ])
  const version = await reserveVersions(tx, orgId, 1)
  await tx.query('update organisations set version = $2 where id = $1', [orgId, version])
  return orgId
}

async function seedOrganisation(tx: Queryable, demo: DemoOrganisation, passwordHash: string): Promise<string> {
  const orgId = await createOrganisation(tx, demo.name, demo.shortName)
  for (const document of demo.plans) await importPlan(tx, { orgId, document, importedBy: null, dryRun: false })
  const areaIds = new Map(
    (
      await tx.query<{ id: string; import_key: string }>('select id, import_key from areas where org_id = $1', [orgId])
    ).map((r) => [r.import_key, r.id]),
  )
  const teamIds = new Map(demo.teams.map((team) => [team.key, randomUUID()]))
  let version = await reserveVersions(tx, orgId, demo.teams.length + demo.people.length)
  await insertRecords(
    tx,
    'teams',
    demo.teams.map((team) => ({
      id: lookup(teamIds, team.key),
      orgId,
      version: version++,
      areaId: lookup(areaIds, team.area),
      name: team.name,
      service: team.service,
    })),
  )
  const people = demo.people.map((person) => ({
    id: randomUUID(),
    orgId,
    version: version++,
    name: person.name,
    jobTitle: person.jobTitle,
    role: person.role,
    teamIds: person.teams.map((key) => lookup(teamIds, key)),
    managesTeamIds: person.manages.map((key) => lookup(teamIds, key)),
  }))
  await insertRecords(tx, 'people', people)
  await insertRecords(
    tx,
    'accounts',
    demo.people.flatMap((person, index) =>
      person.email ? [{ personId: people[index]!.id, email: person.email, passwordHash }] : [],
    ),
  )
  for (const team of demo.teams) {
    if (!team.leads.length) continue
    const first = await reserveVersions(tx, orgId, team.leads.length)
    const updated = await tx.query(
      `update actions set lead_team_id = $1, version = $2 + array_position($3::text[], import_key) - 1
        where org_id = $4 and import_key = any($3::text[]) returning id`,
      [lookup(teamIds, team.key), first, team.leads, orgId],
    )
    if (updated.length !== team.leads.length)
      throw new Error(`Demo team "${team.key}" leads an action its plans do not have.`)
  }
  return orgId
}

/** Loads the demo organisations once; does nothing if the database already holds one. */
export async function seedDemo(db: Database): Promise<boolean> {
  const existing = await db.query('select 1 from organisations limit 1')
  if (existing.length) return false
  const passwordHash = await hashPassword(demoPassword)
  const orgIds = await db.transaction(async (tx) => {
    const ids: string[] = []
    for (const demo of demoOrganisations) ids.push(await seedOrganisation(tx, demo, passwordHash))
    return ids
  })
  // Field delivery and surveys are AfC's, as before; monitoring figures are AfC's, Greenwich's and RBWM's.
  await seedDemoDelivery(db, orgIds[0]!)
  await seedDemoSurveys(db, orgIds[0]!)
  await seedDemoMonitoring(db)
  return true
}
