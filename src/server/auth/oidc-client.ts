import * as client from 'openid-client'
import { allowsPlainHttp, type OidcSettings } from './oidc-settings'

/** What the callback must see again to accept the provider's answer (kept in oidc_logins). */
export interface LoginChecks {
  state: string
  nonce: string
  codeVerifier: string
}

/** A sign-in the provider or the browser got wrong: shown to the person as a page, never a 5xx. */
export class SignInProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    message: string,
  ) {
    super(message)
  }
}

const startAgain = 'Go back to Golden Thread and choose the sign-in button again.'

/** The provider's own error codes (RFC 6749 §4.1.2.1, OpenID Connect Core §3.1.2.6) as a person reads them. */
function describeRefusal(code: string): SignInProblem {
  if (code === 'access_denied' || code === 'consent_required' || code === 'interaction_required') {
    return new SignInProblem(
      403,
      'Sign-in was not completed',
      `Your organisation's sign-in service did not let you in. ${startAgain}`,
    )
  }
  const refusal = `Your organisation's sign-in service refused this sign-in (${code.slice(0, 64)}).`
  return new SignInProblem(400, 'Sign-in did not work', `${refusal} ${startAgain}`)
}

/** Sorts what openid-client throws: the provider's or the browser's doing (4xx), or the provider out of reach (rethrown). */
function classify(error: unknown): never {
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError)
    throw describeRefusal(error.error)
  const unreachable =
    error instanceof client.ClientError && (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT')
  if (error instanceof client.ClientError && !unreachable) {
    // A state that does not match, a nonce or signature that fails: a tampered or mixed-up answer.
    throw new SignInProblem(
      400,
      'Sign-in did not work',
      `The answer from the sign-in service could not be checked. ${startAgain}`,
    )
  }
  throw error
}

/**
 * The authorization code flow with PKCE, state and nonce, through openid-client, which
 * also checks the ID token's signature (against the provider's published keys), issuer,
 * audience, lifetime and nonce. The provider's metadata is fetched on first use, not at
 * start-up, so password sign-in and sync work while the provider is unreachable.
 */
export function identityProvider(settings: OidcSettings) {
  let discovered: Promise<client.Configuration> | undefined

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(settings.issuer, settings.clientId, undefined, client.ClientSecretPost(settings.clientSecret), {
        execute: allowsPlainHttp(settings.issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined
        throw error
      })
    return discovered
  }

  return {
    /** Where to send the person, and the checks to keep until they come back. */
    async begin(): Promise<{ url: URL; checks: LoginChecks }> {
      const config = await configuration()
      const checks = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      }
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl.href,
        scope: 'openid email profile',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      })
      return { url, checks }
    },

    /** Exchanges the code in the callback's query for a checked ID token, and returns its claims. */
    async finish(query: string, checks: LoginChecks): Promise<Record<string, unknown>> {
      const config = await configuration()
      // The configured address, not the Host header: the provider checks it matches the one it sent the person to.
      const callback = new URL(settings.redirectUrl)
      callback.search = query
      const tokens = await client
        .authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        })
        .catch(classify)
      const claims = tokens.claims()
      if (!claims)
        throw new SignInProblem(400, 'Sign-in did not work', `The sign-in service sent no ID token. ${startAgain}`)
      return claims
    },
  }
}

export type IdentityProvider = ReturnType<typeof identityProvider>
