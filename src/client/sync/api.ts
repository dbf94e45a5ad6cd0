import type { ApiError } from '../../shared/api'

/** The server answered, and said no. `status` and `code` say why; `message` and `issues` (each with where it is) are for people. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message)
  }
}

/** The request never got an answer: no signal, captive portal, server down. */
export class Unreachable extends Error {}

/**
 * The server itself answered 5xx, in its own error shape: it is up, but failed on this
 * request. Retried like Unreachable; the push loop also counts it against the changes
 * sent, so one change the server always fails on is set aside (see push.ts).
 */
export class ServerFailed extends Unreachable {}

const isApiError = (body: unknown): body is ApiError =>
  typeof (body as Partial<ApiError> | undefined)?.error?.code === 'string'

let sessionEnded: (() => Promise<void>) | undefined

/**
 * What to do when the server says this device's session was ended, from another device or
 * by a plan admin: the session store removes the organisation's data, before the refusal
 * reaches whatever made the call.
 */
export function onSessionEnded(handler: () => Promise<void>) {
  sessionEnded = handler
}

/**
 * The refusal a server's 4xx answer means, for api() and for the calls that send bytes
 * themselves (uploads). An ended session removes the organisation's data before it returns.
 */
export async function refusalOf(status: number, body: unknown): Promise<ApiRefusal> {
  const error = (body as Partial<ApiError> | undefined)?.error
  const refusal = new ApiRefusal(
    status,
    error?.code ?? `http_${status}`,
    error?.message ?? `The server answered ${status}.`,
    error?.issues,
  )
  if (refusal.status === 401 && refusal.code === 'session_ended') await sessionEnded?.()
  return refusal
}

/**
 * Every call to the API goes through here. State-changing calls carry JSON, so a
 * cross-site form cannot forge them; the cookie rides along on its own.
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    })
  } catch (error) {
    throw new Unreachable(error instanceof Error ? error.message : 'The server could not be reached.')
  }
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined)
  if (response.ok) return body as T
  // A 5xx or a proxy's HTML error page: the server side is unwell, not the request.
  if (response.status >= 500 && isApiError(body)) throw new ServerFailed(`The server answered ${response.status}.`)
  if (response.status >= 500 || body === undefined) throw new Unreachable(`The server answered ${response.status}.`)
  throw await refusalOf(response.status, body)
}
