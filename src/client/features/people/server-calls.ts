import type { EndedSessions } from '../../../shared/sessions'
import type {
  AddedPerson,
  AdminPeople,
  AdminPerson,
  CsvImported,
  CsvPreview,
  NewPerson,
  NewTeam,
  OneTimeCode,
  PersonDetails,
  PersonPage,
  SetPassword,
  TeamChoice,
  TeamsList,
} from '../../../shared/people-admin'
import type { SessionInfo } from '../../../shared/api'
import { api } from '../../sync/api'

// Online only: a plan admin manages people and teams against the server, never through the outbox.
export const listPeople = () => api<AdminPeople>('/people')
export const endSessionsOf = (personId: string) =>
  api<EndedSessions>(`/people/${personId}/sessions/end`, { method: 'POST', body: {} })
export const listTeams = () => api<TeamsList>('/teams')
export const addTeam = (team: NewTeam) => api<TeamChoice>('/teams', { method: 'POST', body: team })
export const addPerson = (person: NewPerson) => api<AddedPerson>('/people', { method: 'POST', body: person })
export const previewPeopleCsv = (csv: string) =>
  api<CsvPreview>('/people/import/preview', { method: 'POST', body: { csv } })
export const importPeopleCsv = (csv: string) => api<CsvImported>('/people/import', { method: 'POST', body: { csv } })
export const loadPersonPage = (personId: string) => api<PersonPage>(`/people/${personId}`)
export const changePerson = (personId: string, details: PersonDetails) =>
  api<AdminPerson>(`/people/${personId}`, { method: 'PUT', body: details })
export const newCodeFor = (personId: string) =>
  api<OneTimeCode>(`/people/${personId}/code`, { method: 'POST', body: {} })
export const deactivatePerson = (personId: string) =>
  api<AdminPerson>(`/people/${personId}/deactivate`, { method: 'POST', body: {} })
export const setPasswordWithCode = (input: SetPassword) =>
  api<SessionInfo>('/auth/set-password', { method: 'POST', body: input })
export const reactivatePerson = (personId: string) =>
  api<AddedPerson>(`/people/${personId}/reactivate`, { method: 'POST', body: {} })
