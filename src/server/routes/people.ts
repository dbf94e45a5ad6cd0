import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../db/database'
import type { EndedSessions } from '../../shared/sessions'
import {
  newPersonSchema,
  peopleCsvSchema,
  personDetailsSchema,
  type AddedPerson,
  type AdminPeople,
  type CsvImported,
  type CsvPreview,
  type OneTimeCode,
  type PersonPage,
} from '../../shared/people-admin'
import { uuid } from '../../shared/pg-values'
import { HttpError, parseInput } from '../http/errors'
import { endSessions } from '../auth/device-sessions'
import { requireViewer } from '../auth/viewer'
import { adminOf } from '../people/admin-guard'
import { adminPeople, adminPerson, checkTeams, emailTaken, insertPeople, updatePerson } from '../people/admin-people'
import { issueCode } from '../people/password-codes'
import { deactivate, reactivate } from '../people/deactivation'
import { ownedWork } from '../people/owned-work'
import { readPeopleCsv } from '../people/csv-people'

const params = z.object({ id: uuid('The person id must be a UUID.') })
const manage = 'add, change and deactivate people'

/**
 * For plan admins, online only: the organisation's people, adding them one by one or from
 * an HR export, changing their teams, one-time codes to set a password, ending their
 * sessions, deactivating leavers and reactivating those who return.
 */
export function peopleRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))

    /** The person with the id in the path, in the admin's organisation (404 otherwise). */
    async function personOf(request: Parameters<typeof adminOf>[0], only = manage) {
      const admin = adminOf(request, only)
      const { id } = parseInput(params, request.params)
      return { admin, person: await adminPerson(db, admin.orgId, id) }
    }

    async function importContext(orgId: string) {
      const [teams, emails] = await Promise.all([
        db.query<{ id: string; name: string }>('select id, name from teams where org_id = $1', [orgId]),
        db.query<{ email: string }>('select lower(email) as email from accounts'),
      ])
      return {
        teamIdsByName: new Map(teams.map((team) => [team.name.toLowerCase(), team.id])),
        takenEmails: new Set(emails.map((row) => row.email)),
      }
    }

    app.get('/people', async (request): Promise<AdminPeople> => {
      const admin = adminOf(request, 'see and end the sessions of other people')
      return { people: await adminPeople(db, admin.orgId) }
    })

    app.post('/people', async (request, reply): Promise<AddedPerson> => {
      const admin = adminOf(request, manage)
      const person = parseInput(newPersonSchema, request.body)
      await checkTeams(db, admin.orgId, person)
      const added = await db.transaction(async (tx) => {
        if (await emailTaken(tx, person.email))
          throw new HttpError(409, 'email_taken', 'Someone in Golden Thread already has this email.', [
            { path: 'email', message: 'Someone in Golden Thread already has this email' },
          ])
        const [id] = await insertPeople(tx, admin.orgId, [person])
        return { person: await adminPerson(tx, admin.orgId, id!), code: await issueCode(tx, id!) }
      })
      return reply.status(201).send(added)
    })

    app.post('/people/import/preview', async (request): Promise<CsvPreview> => {
      const admin = adminOf(request, manage)
      const { csv } = parseInput(peopleCsvSchema, request.body)
      return readPeopleCsv(csv, await importContext(admin.orgId))
    })

    app.post('/people/import', async (request, reply): Promise<CsvImported> => {
      const admin = adminOf(request, manage)
      const { csv } = parseInput(peopleCsvSchema, request.body)
      const preview = readPeopleCsv(csv, await importContext(admin.orgId))
      // A file with any problem writes nothing: half a staff list is worse than none.
      if (preview.problems.length) {
        throw new HttpError(
          400,
          'invalid_file',
          `The file was not imported: it has ${preview.problems.length === 1 ? '1 problem' : `${preview.problems.length} problems`}. Nothing was added.`,
          preview.problems.map((problem) => ({
            path: [problem.row && `row ${problem.row}`, problem.column].filter(Boolean).join(', '),
            message: problem.message,
          })),
        )
      }
      const added = await db.transaction(async (tx) => {
        const ids = await insertPeople(tx, admin.orgId, preview.people)
        const people = await adminPeople(tx, admin.orgId)
        const byId = new Map(people.map((person) => [person.id, person]))
        const result: AddedPerson[] = []
        for (const id of ids) result.push({ person: byId.get(id)!, code: await issueCode(tx, id) })
        return result
      })
      return reply.status(201).send({ added })
    })

    app.get('/people/:id', async (request): Promise<PersonPage> => {
      const { admin, person } = await personOf(request)
      return { person, ownedWork: await ownedWork(db, admin.orgId, person.id) }
    })

    app.put('/people/:id', async (request) => {
      const { admin, person } = await personOf(request)
      const details = parseInput(personDetailsSchema, request.body)
      await checkTeams(db, admin.orgId, details)
      await db.transaction((tx) => updatePerson(tx, admin.orgId, person.id, details))
      return adminPerson(db, admin.orgId, person.id)
    })

    app.post('/people/:id/code', async (request): Promise<OneTimeCode> => {
      const { person } = await personOf(request)
      if (person.deactivatedAt)
        throw new HttpError(409, 'deactivated', `${person.name} is deactivated and cannot set a password.`)
      return issueCode(db, person.id)
    })

    app.post('/people/:id/deactivate', async (request) => {
      const { admin, person } = await personOf(request)
      if (person.id === admin.person.id)
        throw new HttpError(409, 'own_account', 'You cannot deactivate yourself. Ask another plan admin.')
      await db.transaction((tx) => deactivate(tx, person.id, admin.person.id))
      return adminPerson(db, admin.orgId, person.id)
    })

    // A returning leaver, with a new one-time code to set their password, as a new person gets.
    app.post('/people/:id/reactivate', async (request): Promise<AddedPerson> => {
      const { admin, person } = await personOf(request)
      if (!person.deactivatedAt) throw new HttpError(409, 'not_deactivated', `${person.name} is not deactivated.`)
      const code = await db.transaction((tx) => reactivate(tx, person.id))
      return { person: await adminPerson(db, admin.orgId, person.id), code }
    })

    app.post('/people/:id/sessions/end', async (request): Promise<EndedSessions> => {
      const { person } = await personOf(request, 'see and end the sessions of other people')
      return { ended: await endSessions(db, person.id, 'all') }
    })
  }
}
