import type { FastifyRequest } from 'fastify'
import { HttpError } from '../http/errors'
import { viewerOf, type Viewer } from '../auth/viewer'

/** The viewer if they are a plan admin; anyone else is told what only a plan admin may do. */
export function adminOf(request: FastifyRequest, only: string): Viewer {
  const viewer = viewerOf(request)
  if (viewer.person.role !== 'admin') throw new HttpError(403, 'forbidden', `Only a plan admin can ${only}.`)
  return viewer
}
