import { hash, verify } from '@node-rs/argon2'

// Argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const hashPassword = (password: string) => hash(password, options)

export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}

/** Verified against when the email is unknown, so both cases take the same time. */
export const decoyHash = await hashPassword('decoy password that never matches anything real')
