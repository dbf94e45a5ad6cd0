import { z } from 'zod'
import type { Organisation, Person } from './entities'

export const signInSchema = z.object({
  // Trimmed and lower-cased before the format check: people type " Name@Council.gov.uk".
  email: z
    .string('Enter your email address')
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email('Enter your email address, like name@example.org')),
  password: z.string('Enter your password').min(1, 'Enter your password').max(1024),
})
export type SignIn = z.infer<typeof signInSchema>

/** Who is signed in: enough for the device to open as that person with no signal. */
export interface SessionInfo {
  person: Person
  email: string
  organisation: Pick<Organisation, 'id' | 'name' | 'shortName'>
}

/** Every error the API sends has this shape, so the client can always show `message`. */
export interface ApiError {
  error: { code: string; message: string; issues?: { path: string; message: string }[] }
}

/** Which ways of signing in the sign-in screen offers (GET /api/auth/methods). */
export interface SignInMethods {
  password: boolean
  /** The organisation's identity provider, when one is configured. */
  provider?: { label: string; startPath: string }
}
