import type { FastifyRequest } from 'fastify'

/** Where log lines go: anything pino can write to. Absent means standard output. */
export interface LogDestination {
  write(line: string): void
}

/** A request as logged: how it was asked and where, never what came with it (query string, headers, body). */
function requestLine(request: FastifyRequest) {
  return { method: request.method, path: request.url.split('?')[0] }
}

// PostgreSQL quotes the value it could not take ('invalid input syntax for type uuid: "…"'),
// unescaped, so a value may hold quotes itself: everything from the first quote to the last goes.
const withoutValues = (text: string) => text.replace(/"[\s\S]*"/, '"…"')

/**
 * An error as logged: its kind, code, message and where it was thrown, nothing else.
 * Database errors carry the failing statement's parameters (PGlite sets `params`) and the
 * failing row (`detail`); pino's own serializer would log every one of those fields.
 */
export function errorLine(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' }
  const code =
    'code' in error && (typeof error.code === 'string' || typeof error.code === 'number') ? error.code : undefined
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '))
  const message = withoutValues(error.message)
  return {
    type: error.name,
    ...(code === undefined ? {} : { code }),
    message,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
  }
}

/** Fastify's `logger` option: pino at `level`, with the serializers above; false (silent) without a level. */
export function loggerOptions(level: string | undefined, destination?: LogDestination) {
  if (!level) return false
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    serializers: { req: requestLine, err: errorLine },
  }
}
