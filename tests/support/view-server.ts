import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoPassword } from '../../src/server/demo/people'
import { freePort } from './postgres'

export interface ViewServer {
  origin: string
  /** Stops the server, as if the signal dropped; its data folder stays. */
  goOffline(): Promise<void>
  goOnline(): Promise<void>
  stop(): Promise<void>
}

/**
 * The real server (`src/server/main.ts --demo`, on PGlite in a data folder of its own) for a
 * component test in happy-dom, with the test's page placed on the server's origin: the view's
 * own fetches go to it over real HTTP, and happy-dom keeps the session cookie as a browser
 * would. A process of its own, because PGlite in a happy-dom test takes the browser's way to
 * load itself, and takes about a minute.
 */
export async function serverForViews(): Promise<ViewServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gt-view-server-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  let server: ChildProcess | undefined

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo'], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      server = child
      let said = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        said += chunk.toString()
        if (said.includes('Golden Thread is running')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`the server stopped (${code}) before it was running: ${said}`)))
    })
  const stopServer = async () => {
    const child = server
    server = undefined
    if (!child || child.exitCode !== null) return
    await new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
  }

  await start()
  ;(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${origin}/`)
  return {
    origin,
    goOffline: stopServer,
    async goOnline() {
      if (!server) await start()
    },
    async stop() {
      await stopServer()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface Answer {
  status: number
  body: { error?: { code: string } } & Record<string, unknown>
}

/** Another device signed in as someone: its own cookie, its own browser, plain HTTP from Node. */
export interface OtherDevice {
  call(method: 'GET' | 'POST' | 'DELETE', path: string): Promise<Answer>
}

function send(origin: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  return new Promise<Answer & { cookies: string[] }>((resolve, reject) => {
    const json = body === undefined ? undefined : JSON.stringify(body)
    const outgoing = request(
      new URL(path, origin),
      { method, headers: json ? { ...headers, 'content-type': 'application/json' } : headers },
      (incoming) => {
        let text = ''
        incoming.on('data', (chunk: Buffer) => (text += chunk.toString()))
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            body: text ? JSON.parse(text) : {},
            cookies: incoming.headers['set-cookie'] ?? [],
          }),
        )
      },
    )
    outgoing.on('error', reject)
    outgoing.end(json)
  })
}

export async function signInElsewhere(app: ViewServer, email: string, userAgent: string): Promise<OtherDevice> {
  const signedIn = await send(
    app.origin,
    'POST',
    '/api/auth/sign-in',
    { 'user-agent': userAgent },
    { email, password: demoPassword },
  )
  if (signedIn.status !== 200) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(signedIn.body)}`)
  const cookie = signedIn.cookies.map((line) => line.split(';')[0]).find((pair) => pair?.startsWith('gt_session='))!
  return {
    call: (method, path) =>
      send(app.origin, method, path, { cookie, 'user-agent': userAgent }, method === 'POST' ? {} : undefined),
  }
}

/** Real browsers' User-Agent strings, for devices that sign in from Node and are listed by their label. */
export const userAgents = {
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  tablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
}
