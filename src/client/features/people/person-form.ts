import type { NewPerson } from '../../../shared/people-admin'
import { fieldProblems } from './field-problems'

export type PersonForm = NewPerson

export const emptyPerson = (): PersonForm => ({
  name: '',
  jobTitle: '',
  email: '',
  role: 'practitioner',
  teamIds: [],
  managesTeamIds: [],
})

/** The id of the control each field's problem links to: a group's first choice, as GOV.UK does. */
export const personFieldIds: Record<keyof PersonForm, string> = {
  name: 'person-name',
  jobTitle: 'person-job-title',
  email: 'person-email',
  role: 'role-practitioner',
  teamIds: 'member-of',
  managesTeamIds: 'manager-of',
}

export const personProblems = (issues: Parameters<typeof fieldProblems>[1]) => fieldProblems(personFieldIds, issues)
