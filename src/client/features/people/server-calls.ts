import type { EndedSessions, OrganisationPeople } from '../../../shared/sessions'
import { api } from '../../sync/api'

export const listPeople = () => api<OrganisationPeople>('/people')
export const endSessionsOf = (personId: string) =>
  api<EndedSessions>(`/people/${personId}/sessions/end`, { method: 'POST', body: {} })
