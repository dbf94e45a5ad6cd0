import type { SignInMethods } from '../../../shared/api'
import { api } from '../../sync/api'

// In localStorage, not IndexedDB: signing out empties IndexedDB, and the next person still needs the button.
const storageKey = 'gt:sign-in-methods'
/** What every server offers unless configured otherwise, for a device that has never asked. */
const assumed: SignInMethods = { password: true }

const isMethods = (value: unknown): value is SignInMethods =>
  typeof value === 'object' && value !== null && typeof (value as SignInMethods).password === 'boolean'

/** The ways of signing in this server offered when last asked, to show with no connection. */
export function rememberedMethods(): SignInMethods {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null')
    return isMethods(stored) ? stored : assumed
  } catch {
    return assumed
  }
}

/** Asks the server, and remembers the answer; throws Unreachable with no connection. */
export async function fetchMethods(): Promise<SignInMethods> {
  const methods = await api<SignInMethods>('/auth/methods')
  localStorage.setItem(storageKey, JSON.stringify(methods))
  return methods
}
