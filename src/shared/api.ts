import { z } from 'zod'
import type { Organisation, Person } from './entities'

export const signInSchema = z.object({
  email: z.email('Enter your email address, like name@example.org').trim().toLowerCase().max(254),
  password: z.string().min(1, 'Enter your password').max(1024),
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
