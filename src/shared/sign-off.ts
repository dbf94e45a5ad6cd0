import type { Person } from './entities'

type Who = Pick<Person, 'id' | 'role'>

/** Whose sign-off completes a piece of work: an action's lead; a milestone's owner or its action's lead. */
export interface SignOffLeads {
  leadPersonIds: readonly (string | null)[]
}

/** Giving sign-off: the work's lead, and plan admins. Used by the server and to show the "Sign off" button. */
export function canSignOff(who: Who, work: SignOffLeads): boolean {
  if (who.role === 'admin') return true
  if (who.role === 'viewer') return false
  return work.leadPersonIds.includes(who.id)
}

/** Complete, in a plan that requires sign-off, with nobody's sign-off yet. */
export function awaitingSignOff(
  work: { status: string; signedOffBy?: string | null },
  plan: { signOffRequired?: boolean } | undefined,
): boolean {
  return !!plan?.signOffRequired && work.status === 'complete' && !work.signedOffBy
}
