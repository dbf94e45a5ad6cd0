import type { ApiError } from '../../shared/api'

/** The server answered, and said no. `status` and `code` say why; `message` is for people. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** The request never got an answer: no signal, captive portal, server down. */
export class Unreachable extends Error {}

function describe(status: number, body: unknown): ApiRefusal {
  const error = (body as Partial<ApiError> | undefined)?.error
  return new ApiRefusal(status, error?.code ?? `http_${status}`, error?.message ?? `The server answered ${status}.`)
}

/**
 * Every call to the API goes through here. State-changing calls carry JSON, so a
 * cross-site form cannot forge them; the cookie rides along on its own.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
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
  if (response.status >= 500 || body === undefined) throw new Unreachable(`The server answered ${response.status}.`)
  throw describe(response.status, body)
}
