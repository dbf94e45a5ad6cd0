import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import { insertRecords, updateRecord } from '../db/tables'
import { reserveVersions } from '../db/versions'
import type { Role } from '../../shared/entities'
import type { AdminPerson, NewPerson, PersonDetails } from '../../shared/people-admin'
import { HttpError } from '../http/errors'
import { sessionIdleSeconds, usableSession } from '../auth/sessions'

interface Row {
  id: string
  name: string
  job_title: string
  email: string | null
  role: Role
  team_ids: string[]
  manages_team_ids: string[]
  deactivated_at: string | null
  active_sessions: number
}

/** The organisation's people as an admin manages them, or the one with `personId`. */
export async function adminPeople(db: Queryable, orgId: string, personId?: string): Promise<AdminPerson[]> {
  const rows = await db.query<Row>(
    `select p.id, p.name, p.job_title, a.email, p.role, p.team_ids, p.manages_team_ids,
            to_jsonb(d.deactivated_at) #>> '{}' as deactivated_at,
            (select count(*)::int from sessions s where s.person_id = p.id and ${usableSession('$2')}) as active_sessions
       from people p
       left join accounts a on a.person_id = p.id
       left join person_deactivations d on d.person_id = p.id
      where p.org_id = $1 and ($3::uuid is null or p.id = $3)
      order by p.name, p.id`,
    [orgId, sessionIdleSeconds, personId ?? null],
  )
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    jobTitle: row.job_title,
    email: row.email ?? '',
    role: row.role,
    teamIds: row.team_ids,
    managesTeamIds: row.manages_team_ids,
    deactivatedAt: row.deactivated_at,
    activeSessions: row.active_sessions,
  }))
}

/** One person of the organisation, or 404: another organisation's person is answered as if there were none. */
export async function adminPerson(db: Queryable, orgId: string, personId: string): Promise<AdminPerson> {
  const [person] = await adminPeople(db, orgId, personId)
  if (!person) throw new HttpError(404, 'not_found', 'There is no such person in your organisation.')
  return person
}

/** Refuses team ids that are not the organisation's teams, naming the field as the form does. */
export async function checkTeams(
  db: Queryable,
  orgId: string,
  details: Pick<PersonDetails, 'teamIds' | 'managesTeamIds'>,
) {
  const wanted = [...new Set([...details.teamIds, ...details.managesTeamIds])]
  if (wanted.length === 0) return
  const rows = await db.query<{ id: string }>('select id from teams where org_id = $1 and id = any($2::uuid[])', [
    orgId,
    wanted,
  ])
  const known = new Set(rows.map((row) => row.id))
  const issues = (['teamIds', 'managesTeamIds'] as const).flatMap((path) =>
    details[path].some((id) => !known.has(id)) ? [{ path, message: 'Choose teams of your organisation' }] : [],
  )
  if (issues.length)
    throw new HttpError(400, 'invalid_input', 'The request was not valid. Choose teams of your organisation.', issues)
}

export async function emailTaken(db: Queryable, email: string): Promise<boolean> {
  const rows = await db.query('select 1 from accounts where lower(email) = $1', [email.toLowerCase()])
  return rows.length > 0
}

/** Adds people and their accounts (without passwords) in one version range; answers their ids in order. */
export async function insertPeople(tx: Queryable, orgId: string, people: NewPerson[]): Promise<string[]> {
  if (people.length === 0) return []
  const first = await reserveVersions(tx, orgId, people.length)
  const ids = people.map(() => randomUUID())
  await insertRecords(
    tx,
    'people',
    people.map((person, index) => ({
      id: ids[index],
      orgId,
      version: first + index,
      name: person.name,
      jobTitle: person.jobTitle,
      role: person.role,
      teamIds: person.teamIds,
      managesTeamIds: person.managesTeamIds,
    })),
  )
  await insertRecords(
    tx,
    'accounts',
    people.map((person, index) => ({ personId: ids[index], email: person.email })),
  )
  return ids
}

/** Changes who a person is and where they sit; the new version reaches every device at its next pull. */
export async function updatePerson(tx: Queryable, orgId: string, personId: string, details: PersonDetails) {
  const version = await reserveVersions(tx, orgId, 1)
  await updateRecord(tx, 'people', personId, { ...details, version })
}
