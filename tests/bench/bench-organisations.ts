import { randomUUID } from 'node:crypto'
import type { Database } from '../../src/server/db/database'
import { insertRecords } from '../../src/server/db/tables'
import { reserveVersions } from '../../src/server/db/versions'
import { hashPassword } from '../../src/server/auth/passwords'
import afcFramework from '../../src/server/demo/plans/000-afc-business-plan-framework-2019-24.json' with { type: 'json' }
import afcBusinessPlan from '../../src/server/demo/plans/001-afc-business-plan-2020-24.json' with { type: 'json' }
import { importIntoNewOrganisation } from '../support/imported-organisation'

export const benchPassword = 'golden-thread-bench'

export interface BenchOrganisationsOptions {
  organisations: number
  teamsPerOrganisation: number
  /** Each team has one manager; the rest are practitioners. */
  peoplePerTeam: number
  milestonesPerAction: number
}

/** One person with an account, and the work their team leads: what their device changes. */
export interface BenchPerson {
  email: string
  orgId: string
  role: 'manager' | 'practitioner'
  actionIds: string[]
  /** Milestones of those actions: a manager sets their status. */
  milestoneIds: string[]
}

/**
 * Organisations as a real one is shaped, for the server-side benchmarks: each holds AfC's
 * two plans, as the demo does, the 2020/24 plan's 47 projects shared out as the lead work of its teams, a few
 * milestones each, and in every team a manager and practitioners who can sign in with
 * `benchPassword` (one hash for all: hashing is not what these benchmarks measure).
 */
export async function addBenchOrganisations(db: Database, options: BenchOrganisationsOptions): Promise<BenchPerson[]> {
  const passwordHash = await hashPassword(benchPassword)
  const people: BenchPerson[] = []
  for (let o = 0; o < options.organisations; o++) {
    const organisation = { name: `Bench Children's Trust ${o + 1}`, shortName: `BCT${o + 1}` }
    await db.transaction(async (tx) => {
      const plan = await importIntoNewOrganisation(tx, organisation, afcFramework, afcBusinessPlan)
      const { orgId } = plan
      const areaIds = [...plan.areaIds.values()]
      const actionIds = (
        await tx.query<{ id: string }>('select id from actions where plan_id = $1 order by position', [plan.planId])
      ).map((a) => a.id)
      const teams = Array.from({ length: options.teamsPerOrganisation }, (_, t) => ({
        id: randomUUID(),
        orgId,
        areaId: areaIds[t % areaIds.length]!,
        name: `Bench Team ${t + 1}`,
        service: "Children's Social Care",
        actionIds: actionIds.filter((_, a) => a % options.teamsPerOrganisation === t),
      }))
      const milestones = actionIds.flatMap((actionId) =>
        Array.from({ length: options.milestonesPerAction }, (_, position) => ({
          id: randomUUID(),
          orgId,
          actionId,
          title: `Milestone ${position + 1}`,
          leads: [],
          deadlineText: null,
          dueDate: null,
          monitoring: null,
          ownerPersonId: null,
          status: 'not-started',
          source: null,
          sourceNote: null,
          position,
        })),
      )
      const members = teams.flatMap((team, t) =>
        Array.from({ length: options.peoplePerTeam }, (_, p) => ({
          id: randomUUID(),
          orgId,
          name: `Person ${p + 1} of ${team.name} (bench)`,
          jobTitle: p === 0 ? 'Team Manager' : 'Social Worker',
          role: p === 0 ? ('manager' as const) : ('practitioner' as const),
          teamIds: [team.id],
          managesTeamIds: p === 0 ? [team.id] : [],
          email: `person-${o + 1}-${t + 1}-${p + 1}@bench.local`,
          team,
        })),
      )
      let version = await reserveVersions(
        tx,
        orgId,
        teams.length + members.length + milestones.length + actionIds.length,
      )
      await insertRecords(
        tx,
        'teams',
        teams.map(({ actionIds: _, ...team }) => ({ ...team, version: version++ })),
      )
      await insertRecords(
        tx,
        'people',
        members.map(({ email: _, team: __, ...person }) => ({ ...person, version: version++ })),
      )
      await insertRecords(
        tx,
        'accounts',
        members.map((person) => ({ personId: person.id, email: person.email, passwordHash })),
      )
      await insertRecords(
        tx,
        'milestones',
        milestones.map((milestone) => ({ ...milestone, version: version++ })),
      )
      for (const team of teams) {
        await tx.query(
          'update actions set lead_team_id = $1, version = $2 + array_position($3::uuid[], id) - 1 where id = any($3::uuid[])',
          [team.id, version, team.actionIds],
        )
        version += team.actionIds.length
      }
      for (const person of members) {
        const own = new Set(person.team.actionIds)
        people.push({
          email: person.email,
          orgId,
          role: person.role,
          actionIds: person.team.actionIds,
          milestoneIds: milestones.filter((m) => own.has(m.actionId)).map((m) => m.id),
        })
      }
    })
  }
  return people
}
