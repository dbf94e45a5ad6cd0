import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { notFound } from './errors'

/**
 * Serves the built app. Hashed files under /assets never change, so they are cached
 * for a year; everything else (index.html, sw.js, the manifest) must be checked each
 * time or a deploy would never reach installed tablets. A missing file is a real 404:
 * answering it with index.html would get HTML cached as script.
 */
export async function registerStatic(app: FastifyInstance, root: string) {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`No built app in ${root}: run "npm run build". Serving the API only.`)
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    cacheControl: false,
    // @fastify/static passes the reply here, whatever its types say.
    setHeaders(reply: unknown, path: string) {
      const immutable = path.startsWith(join(root, 'assets'))
      ;(reply as FastifyReply).header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api') &&
      !basename(request.url.split('?')[0]!).includes('.')
    if (!isPage) throw notFound(request.method, request.url)
    reply.header('cache-control', 'no-cache')
    return reply.sendFile('index.html')
  })
}
