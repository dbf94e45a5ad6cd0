import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import Provider, { type KoaContextWithOIDC } from 'oidc-provider'
import { freePort } from './postgres'

/** What the provider says about a person in their ID token. */
export interface DirectoryEntry {
  email?: string
  email_verified?: boolean
  preferred_username?: string
  name?: string
}

export interface RunningIdentityProvider {
  issuer: string
  clientId: string
  clientSecret: string
  stop(): Promise<void>
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package, certified by the OpenID
 * Foundation) on a free loopback port, with one registered client and its development
 * login form. Whatever name is typed in the form is the account; `directory` gives each
 * name its claims. Consent is pre-granted, as an Entra tenant admin grants it for a
 * first-party app, and claims go in the ID token, where Entra puts them.
 */
export async function startIdentityProvider(options: {
  redirectUris: string[]
  directory: Record<string, DirectoryEntry>
}): Promise<RunningIdentityProvider> {
  const port = await freePort()
  const issuer = `http://127.0.0.1:${port}`
  const clientId = 'golden-thread'
  const clientSecret = randomBytes(32).toString('base64url')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username', 'name'] },
    conformIdTokenClaims: false,
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: KoaContextWithOIDC, accountId: string) => ({
      accountId,
      claims: () => ({ sub: accountId, ...options.directory[accountId] }),
    }),
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { session, client, provider: self } = ctx.oidc
      if (!session?.accountId || !client) return undefined
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId)
      if (grantId) return self.Grant.find(grantId)
      const grant = new self.Grant({ clientId: client.clientId, accountId: session.accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      session.grantIdFor(client.clientId, grant.jti)
      return grant
    },
  })
  const server: Server = createServer(provider.callback())
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
