import { z } from 'zod'
import { roleSchema } from '../../shared/entities'
import {
  newPersonSchema,
  peopleCsvColumns,
  type CsvPerson,
  type CsvPreview,
  type CsvProblem,
} from '../../shared/people-admin'
import { readCsv } from '../plans/spreadsheet/read-csv'
import { isBlankRow } from '../plans/spreadsheet/cells'

/** The organisation's teams by name as an HR export writes them (any case), and the emails already in use. */
export interface ImportContext {
  teamIdsByName: Map<string, string>
  takenEmails: Set<string>
}

type Field = keyof typeof peopleCsvColumns
const listSeparator = ';'
const roleWords = `one of ${roleSchema.options.join(', ')}`

/**
 * Reads an HR system's CSV export of people: a header row naming the columns of
 * `peopleCsvColumns` (in any order, any case), then a person a row. Every problem is
 * found, by row and column, so one look at the list is enough to fix the file.
 */
export function readPeopleCsv(csv: string, context: ImportContext): CsvPreview {
  const read = readCsv(new TextEncoder().encode(csv))
  if ('problems' in read) return { people: [], problems: read.problems.map(({ row, message }) => ({ row, message })) }
  const [header = [], ...rows] = read.table.rows
  const columnOf = new Map<Field, number>()
  const problems: CsvProblem[] = []
  for (const [field, title] of Object.entries(peopleCsvColumns) as [Field, string][]) {
    const index = header.findIndex((cell) => cell.text.toLowerCase() === title.toLowerCase())
    if (index === -1) problems.push({ row: 1, column: title, message: `The header row needs a column "${title}".` })
    else columnOf.set(field, index)
  }
  if (problems.length) return { people: [], problems }

  const people: CsvPerson[] = []
  const emailsInFile = new Map<string, number>()
  rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return
    const row = index + 2
    const text = (field: Field) => cells[columnOf.get(field)!]?.text ?? ''
    const rowProblem = (field: Field, message: string) =>
      problems.push({ row, column: peopleCsvColumns[field], message })
    const teamIds = (field: 'teams' | 'manages') =>
      text(field)
        .split(listSeparator)
        .map((name) => name.trim())
        .filter(Boolean)
        .flatMap((name) => {
          const id = context.teamIdsByName.get(name.toLowerCase())
          if (!id) rowProblem(field, `There is no team called "${name}" in your organisation. Add it first.`)
          return id ? [id] : []
        })
    const candidate = {
      name: text('name'),
      jobTitle: text('jobTitle'),
      email: text('email'),
      role: text('role').toLowerCase(),
      teamIds: teamIds('teams'),
      managesTeamIds: teamIds('manages'),
    }
    const parsed = newPersonSchema.safeParse(candidate)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue)
        rowProblem(field, field === 'role' ? `The role must be ${roleWords}.` : issue.message)
      }
    }
    // Checked whatever else is wrong with the row, so one look at the list is enough.
    const email = newPersonSchema.shape.email.safeParse(candidate.email)
    if (email.success) {
      const earlier = emailsInFile.get(email.data)
      if (earlier) rowProblem('email', `This email is also in row ${earlier}; each person needs their own.`)
      else if (context.takenEmails.has(email.data))
        rowProblem('email', 'Someone in Golden Thread already has this email.')
      emailsInFile.set(email.data, earlier ?? row)
    }
    if (!parsed.success) return
    people.push({ ...parsed.data, row })
  })
  if (people.length === 0 && problems.length === 0)
    problems.push({ message: 'The file has no people below its header row.' })
  return { people, problems }
}

function fieldOf(issue: z.core.$ZodIssue): Field {
  const key = issue.path[0]
  if (key === 'teamIds') return 'teams'
  if (key === 'managesTeamIds') return 'manages'
  return (typeof key === 'string' && key in peopleCsvColumns ? key : 'name') as Field
}
