import type { DeviceSessions, EndedSessions } from '../../../shared/sessions'
import { api, ApiRefusal, Unreachable } from '../../sync/api'

export const listDevices = () => api<DeviceSessions>('/auth/sessions')
export const signOutDevice = (sessionId: string) => api<void>(`/auth/sessions/${sessionId}`, { method: 'DELETE' })
export const signOutOtherDevices = () => api<EndedSessions>('/auth/sessions/end-others', { method: 'POST', body: {} })

/** What to tell a person when a call about sessions failed; `offline` names what needed the connection. */
export function problemWith(failure: unknown, offline: string): string {
  if (failure instanceof Unreachable)
    return `You need a connection to ${offline}. Try again when you have signal or Wi-Fi.`
  if (failure instanceof ApiRefusal) return failure.message
  return 'Something went wrong. Try again.'
}
