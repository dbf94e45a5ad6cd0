import { createServer, connect, type Server, type Socket } from 'node:net'
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * A TCP proxy on loopback in front of the server, that can cut every connection at
 * once (a dropped signal, a train entering a tunnel), or cut the next response just as
 * it starts coming back (the server did the work; the device never hears).
 */
export interface FaultProxy {
  port: number
  origin: string
  /** Destroys every open connection, both ways. */
  dropAll(): number
  /** Cuts the next connection on which the server starts to answer, before the device sees a byte (false: disarm). */
  dropNextResponse(armed?: boolean): void
  /** Connections dropped so far. */
  dropped(): number
  close(): Promise<void>
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const pairs = new Set<[Socket, Socket]>()
  let dropped = 0
  let cutNextResponse = false
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    const pair: [Socket, Socket] = [client, upstream]
    pairs.add(pair)
    const end = () => {
      pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.on('error', end).on('close', end)
    upstream.on('error', end).on('close', end)
    client.on('data', (data) => upstream.write(data))
    upstream.on('data', (data) => {
      if (cutNextResponse) {
        cutNextResponse = false
        dropped += 1
        end()
        return
      }
      client.write(data)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (!address || typeof address !== 'object') throw new Error('proxy has no port')
  return {
    port: address.port,
    origin: `http://127.0.0.1:${address.port}`,
    dropAll() {
      let n = 0
      for (const [client, upstream] of pairs) {
        client.destroy()
        upstream.destroy()
        n += 1
      }
      pairs.clear()
      dropped += n
      return n
    },
    dropNextResponse(armed = true) {
      cutNextResponse = armed
    },
    dropped: () => dropped,
    close() {
      for (const [client, upstream] of pairs) {
        client.destroy()
        upstream.destroy()
      }
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

const launcher = fileURLToPath(new URL('./fault-server.ts', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

/** The server in a child process that can be killed with SIGKILL and started again on the same port. */
export interface ServerProcess {
  start(): Promise<void>
  /** SIGKILL: no shutdown, no flush, transactions in flight are cut. */
  kill(): Promise<void>
  /** SIGTERM, waiting for a clean exit. */
  stop(): Promise<void>
  running(): boolean
  starts(): number
}

export function serverProcess(env: Record<string, string>): ServerProcess {
  let child: ChildProcess | undefined
  let starts = 0
  const exited = (process: ChildProcess) =>
    new Promise<void>((resolve) =>
      process.exitCode !== null || process.signalCode !== null ? resolve() : process.once('exit', () => resolve()),
    )
  return {
    async start() {
      if (child) throw new Error('already running')
      const process_ = spawn(process.execPath, ['--import', 'tsx', launcher], {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child = process_
      starts += 1
      let errors = ''
      process_.stderr!.on('data', (d: Buffer) => (errors += d.toString()))
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${errors}`)), 30_000)
        let out = ''
        process_.stdout!.on('data', (d: Buffer) => {
          out += d.toString()
          if (out.includes('listening')) {
            clearTimeout(timer)
            resolve()
          }
        })
        process_.once('exit', (code, signal) => {
          clearTimeout(timer)
          reject(new Error(`server exited (${code ?? signal}) before listening: ${errors}`))
        })
      })
    },
    async kill() {
      const process_ = child
      child = undefined
      if (!process_) return
      process_.kill('SIGKILL')
      await exited(process_)
    },
    async stop() {
      const process_ = child
      child = undefined
      if (!process_) return
      process_.kill('SIGTERM')
      const timer = setTimeout(() => process_.kill('SIGKILL'), 10_000)
      await exited(process_)
      clearTimeout(timer)
    },
    running: () => child !== undefined,
    starts: () => starts,
  }
}
