import { z } from 'zod'

const emailSchema = z.email().max(254)

/**
 * The email address a checked ID token vouches for, lower-cased, or undefined.
 *
 * Trust comes from the issuer: OIDC_ISSUER names the organisation's own tenant, so every
 * token is about an account that organisation's administrators manage. Entra puts the
 * mail address in `email` (when the account has one) and the sign-in name (UPN) in
 * `preferred_username`; both are set by those administrators, not by the person. The
 * first claim of `claimNames` that is present decides; an `email` the provider marks
 * `email_verified: false` does not count.
 */
export function emailFromClaims(claims: Record<string, unknown>, claimNames: string[]): string | undefined {
  for (const name of claimNames) {
    const value = claims[name]
    if (typeof value !== 'string' || value.trim() === '') continue
    if (name === 'email' && claims.email_verified === false) continue
    const email = emailSchema.safeParse(value.trim().toLowerCase())
    return email.success ? email.data : undefined
  }
  return undefined
}
