import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database'
import { insertRecords } from '../db/tables'
import { reserveVersions } from '../db/versions'
import { hashPassword } from '../auth/passwords'
import { importPlanDocument } from '../plans/import'
import afcBusinessPlan from './afc-business-plan-2020-24.json' with { type: 'json' }
import { demoPassword, demoPeople, demoTeams } from './people'
import { seedDemoDelivery } from './delivery'
import { seedDemoSurveys } from './surveys'

function lookup(ids: Map<string, string>, key: string): string {
  const id = ids.get(key)
  if (!id) throw new Error(`Demo data refers to "${key}", which does not exist.`)
  return id
}

/** Loads the demo organisation once; does nothing if the database already holds one. */
export async function seedDemo(db: Database): Promise<boolean> {
  const existing = await db.query('select 1 from organisations limit 1')
  if (existing.length) return false
  const passwordHash = await hashPassword(demoPassword)

  const orgId = await db.transaction(async (tx) => {
    const plan = await importPlanDocument(tx, afcBusinessPlan)
    const { orgId } = plan
    const teamIds = new Map(demoTeams.map((team) => [team.key, randomUUID()]))
    let version = await reserveVersions(tx, orgId, demoTeams.length + demoPeople.length)

    await insertRecords(
      tx,
      'teams',
      demoTeams.map((team) => ({
        id: lookup(teamIds, team.key),
        orgId,
        version: version++,
        areaId: lookup(plan.areaIds, team.area),
        name: team.name,
        service: team.service,
      })),
    )
    const people = demoPeople.map((person) => ({
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
      demoPeople.flatMap((person, index) =>
        person.email ? [{ personId: people[index]!.id, email: person.email, passwordHash }] : [],
      ),
    )
    for (const team of demoTeams) {
      const first = await reserveVersions(tx, orgId, team.leads.length)
      await tx.query(
        `update actions set lead_team_id = $1, version = $2 + array_position($3::text[], code) - 1
          where plan_id = $4 and code = any($3::text[])`,
        [lookup(teamIds, team.key), first, team.leads, plan.planId],
      )
    }
    return orgId
  })
  await seedDemoDelivery(db, orgId)
  await seedDemoSurveys(db, orgId)
  return true
}
