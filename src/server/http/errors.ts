import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError, type ZodType, type z } from 'zod'
import type { ApiError } from '../../shared/api'

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message)
  }
}

export const notFound = (method: string, url: string) =>
  new HttpError(404, 'not_found', `Nothing is at ${method} ${url.split('?')[0]}.`)

/** Parses untrusted input, or answers 400 with every problem found, before anything is written. */
export function parseInput<S extends ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw invalidInput(result.error)
}

function invalidInput(error: ZodError): HttpError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
  return new HttpError(400, 'invalid_input', `The request was not valid. ${summary}`, issues)
}

function body(error: HttpError): ApiError {
  return { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } }
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  let known: HttpError | undefined
  if (error instanceof HttpError) known = error
  else if (error instanceof ZodError) known = invalidInput(error)
  else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
    // Fastify's own refusals (malformed JSON, body too large, wrong content type).
    known = new HttpError(error.statusCode, 'code' in error ? String(error.code) : 'bad_request', error.message)
  }
  if (known) return reply.status(known.statusCode).send(body(known))
  request.log.error(error)
  return reply.status(500).send(body(new HttpError(500, 'server_error', 'Something went wrong on the server.')))
}
