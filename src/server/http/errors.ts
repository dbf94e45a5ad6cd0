import { maxHeaderSize, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify'
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
  // Never `log.error(error)`: pino would take the raw message as the line's text. See http/logging.ts.
  request.log.error({ err: error }, 'The request failed on the server')
  return reply.status(500).send(body(new HttpError(500, 'server_error', 'Something went wrong on the server.')))
}

/** Refusals Fastify makes while routing, before any handler: a path parameter too long is 414. */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.status(414).send(body(new HttpError(414, 'uri_too_long', 'The address of this request is too long.')))
  }
  return handleError(error, request, reply)
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them, answered in the same JSON
 * shape. Headers over Node's limit are 431, unless what overflowed was the request line
 * (the address) itself, which is 414.
 */
export function handleClientError(error: ConnectionError, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  let refusal: HttpError
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // Node gives the chunk it was parsing as a Buffer (Fastify's type says otherwise).
    const packet: unknown = error.rawPacket
    const lineEnd = Buffer.isBuffer(packet) ? packet.indexOf('\r\n') : -1
    refusal =
      lineEnd === -1 || lineEnd >= maxHeaderSize
        ? new HttpError(414, 'uri_too_long', 'The address of this request is too long.')
        : new HttpError(431, 'headers_too_large', 'The headers of this request are too large.')
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    refusal = new HttpError(408, 'request_timeout', 'The request took too long to arrive.')
  } else {
    refusal = new HttpError(400, 'bad_request', 'The request could not be read.')
  }
  if (socket.writable) {
    const json = JSON.stringify(body(refusal))
    socket.write(
      `HTTP/1.1 ${refusal.statusCode} ${STATUS_CODES[refusal.statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${json}`,
    )
  }
  socket.destroy(error)
}
