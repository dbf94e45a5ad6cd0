/** How people sign in to this server, read once from the environment at start-up. */
export interface SignInSettings {
  /** False when the organisation wants every sign-in to go through its identity provider. */
  password: boolean
  oidc?: OidcSettings
}

/** The organisation's OpenID Connect provider (Microsoft Entra ID in most councils). */
export interface OidcSettings {
  issuer: URL
  clientId: string
  clientSecret: string
  /** Where the provider sends the person back: this server's /api/auth/oidc/callback. */
  redirectUrl: URL
  /** The words on the sign-in button, e.g. "Sign in with Microsoft". */
  buttonLabel: string
  /** The ID token claims that may hold the person's email, in order; the first one present is used. */
  emailClaims: string[]
}

export const callbackPath = '/api/auth/oidc/callback'

// Entra's shared issuers take anyone's work or personal account; a council signs in its own tenant only.
const entraHost = 'login.microsoftonline.com'
const multiTenant = new Set(['common', 'organizations', 'consumers'])

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)

/** Plain HTTP only to this machine (a provider started by a test, or a developer's own). */
export const allowsPlainHttp = (url: URL) => url.protocol === 'http:' && isLoopback(url)

function parseUrl(name: string, value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${name} is not a URL: ${value}`)
  }
  if (url.protocol !== 'https:' && !allowsPlainHttp(url)) throw new Error(`${name} must be an https:// address.`)
  return url
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim()
  if (!value) throw new Error(`${name} must be set when OIDC_ISSUER is.`)
  return value
}

function oidcSettings(env: NodeJS.ProcessEnv, issuerText: string): OidcSettings {
  const issuer = parseUrl('OIDC_ISSUER', issuerText)
  if (issuer.hostname === entraHost && multiTenant.has(issuer.pathname.split('/')[1] ?? '')) {
    throw new Error('OIDC_ISSUER must name your own tenant: https://login.microsoftonline.com/<tenant id>/v2.0')
  }
  const publicUrl = env.PUBLIC_URL?.trim()
  const redirectText = env.OIDC_REDIRECT_URL?.trim() || (publicUrl && new URL(callbackPath, publicUrl).href)
  if (!redirectText) throw new Error('Set OIDC_REDIRECT_URL, or PUBLIC_URL to derive it from.')
  const redirectUrl = parseUrl('OIDC_REDIRECT_URL', redirectText)
  if (redirectUrl.pathname !== callbackPath) throw new Error(`OIDC_REDIRECT_URL must end in ${callbackPath}.`)
  const emailClaims = (env.OIDC_EMAIL_CLAIMS ?? 'email,preferred_username')
    .split(',')
    .map((claim) => claim.trim())
    .filter(Boolean)
  if (!emailClaims.length) throw new Error('OIDC_EMAIL_CLAIMS must name at least one claim, e.g. email.')
  return {
    issuer,
    clientId: required(env, 'OIDC_CLIENT_ID'),
    clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
    redirectUrl,
    buttonLabel: env.OIDC_BUTTON_LABEL?.trim() || 'Sign in with your organisation',
    emailClaims,
  }
}

/** Throws, with what to fix, on a setting that would leave sign-in broken or unsafe. */
export function signInSettingsFromEnv(env: NodeJS.ProcessEnv): SignInSettings {
  const passwordText = env.PASSWORD_SIGN_IN?.trim() || 'true'
  if (passwordText !== 'true' && passwordText !== 'false') throw new Error('PASSWORD_SIGN_IN must be true or false.')
  const issuerText = env.OIDC_ISSUER?.trim()
  const oidc = issuerText ? oidcSettings(env, issuerText) : undefined
  if (passwordText === 'false' && !oidc)
    throw new Error('PASSWORD_SIGN_IN=false needs OIDC_ISSUER: otherwise nobody could sign in.')
  return { password: passwordText === 'true', oidc }
}
