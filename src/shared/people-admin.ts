import { z } from 'zod'
import { roleSchema, type Role } from './entities'
import { pgText, uuid } from './pg-values'
import { signInSchema } from './api'

/**
 * What a plan admin sends and receives to add teams and people, import people from an HR
 * system's CSV export, issue one-time codes and deactivate leavers (/api/teams, /api/people).
 * Online only: none of it goes through a device's outbox.
 */

const requiredText = (what: string, max = 200) => pgText(max, { trim: true }).pipe(z.string().min(1, `Enter ${what}`))

const teamIdList = z.array(uuid('A team id must be a UUID.')).max(100, 'A person can be in at most 100 teams.')

export const newTeamSchema = z.object({
  name: requiredText('the name of the team'),
  areaId: uuid('Choose the area the team works in'),
  service: requiredText('the service the team is part of'),
})
export type NewTeam = z.infer<typeof newTeamSchema>

/** Who a person is and where they sit: what an admin may change later. */
export const personDetailsSchema = z.object({
  name: requiredText('their name'),
  jobTitle: requiredText('their job title'),
  role: roleSchema,
  teamIds: teamIdList,
  /** Teams the person manages: a manager sees and signs off their updates. */
  managesTeamIds: teamIdList,
})
export type PersonDetails = z.infer<typeof personDetailsSchema>

export const newPersonSchema = personDetailsSchema.extend({ email: signInSchema.shape.email })
export type NewPerson = z.infer<typeof newPersonSchema>

/** A CSV file's text as the browser read it. */
export const peopleCsvSchema = z.object({
  csv: z
    .string('Choose a CSV file')
    .min(1, 'The file is empty')
    .max(2 * 1024 * 1024, 'The file is over 2 MB'),
})

/** The columns an HR export needs, as their headers; teams are separated by semicolons. */
export const peopleCsvColumns = {
  name: 'Name',
  jobTitle: 'Job title',
  email: 'Email',
  role: 'Role',
  teams: 'Teams',
  manages: 'Manages teams',
} as const

export const setPasswordSchema = z.object({
  email: signInSchema.shape.email,
  code: z
    .string('Enter the code your plan admin gave you')
    .trim()
    .min(1, 'Enter the code your plan admin gave you')
    .max(200),
  password: z
    .string('Enter a new password')
    .min(12, 'Your new password must be at least 12 characters long')
    .max(1024, 'Your new password must be at most 1,024 characters long'),
})
export type SetPassword = z.infer<typeof setPasswordSchema>

/** A person as a plan admin manages them (GET /api/people/:id, and in lists). */
export interface AdminPerson {
  id: string
  name: string
  jobTitle: string
  email: string
  role: Role
  teamIds: string[]
  managesTeamIds: string[]
  /** ISO 8601, once deactivated: they cannot sign in and their devices were cleared. */
  deactivatedAt: string | null
  activeSessions: number
}

/** Shown to the admin once, to pass on; only its hash is kept. */
export interface OneTimeCode {
  code: string
  /** The set-password page with the code filled in, relative to the app. */
  link: string
  expiresAt: string
}

export interface AddedPerson {
  person: AdminPerson
  code: OneTimeCode
}

/** Work a person owns, for an admin to hand on before or after they leave. */
export interface OwnedWork {
  actions: { id: string; code: string; description: string }[]
  milestones: { id: string; title: string; actionCode: string }[]
  /** Measures whose figures they record, and risks they rate. */
  measures: { id: string; title: string }[]
  risks: { id: string; title: string }[]
  assignments: {
    id: string
    actionId: string
    actionCode: string
    milestoneId: string | null
    milestoneTitle: string | null
  }[]
}

export interface PersonPage {
  person: AdminPerson
  ownedWork: OwnedWork
}

export interface TeamChoice {
  id: string
  name: string
  service: string
  areaId: string
  areaName: string
}
export interface AreaChoice {
  id: string
  name: string
}
export interface TeamsList {
  teams: TeamChoice[]
  areas: AreaChoice[]
}

/** One problem with an imported file: row as the spreadsheet numbers it (the header is 1), column its header. */
export interface CsvProblem {
  row?: number
  column?: string
  message: string
}

export interface CsvPerson extends NewPerson {
  row: number
}

/** What an import would write, or why it would write nothing. */
export interface CsvPreview {
  people: CsvPerson[]
  problems: CsvProblem[]
}

export interface CsvImported {
  added: AddedPerson[]
}

/** GET /api/people: everyone in the organisation, the deactivated too. */
export interface AdminPeople {
  people: AdminPerson[]
}
