import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort } from './postgres'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface Replica {
  name: string
  port: number
  /** host:port, as a load balancer names it. */
  address: string
  /** Everything the process wrote, for a failing test to show. */
  output(): string
  /** SIGKILL: no shutdown; requests and transactions in flight are cut. */
  kill(): Promise<void>
  /** SIGTERM, and waits for it to exit. */
  stop(): Promise<void>
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  )

/**
 * The server as production runs it (`src/server/main.ts`, in a process of its own) on a
 * free loopback port, with `env` on top of this process's environment. Node runs tsx as a
 * loader rather than through the tsx command, so the process killed is the server itself.
 * Resolves once it says it is running.
 */
export async function startReplica(name: string, env: Record<string, string>, args: string[] = []): Promise<Replica> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Replica ${name} did not start in 120 s:\n${output}`)), 120_000)
    const check = () => {
      if (!output.includes('Golden Thread is running')) return
      clearTimeout(timer)
      resolve()
    }
    child.stdout!.on('data', check)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`Replica ${name} exited (${code ?? signal}) before it was running:\n${output}`))
    })
  })
  return {
    name,
    port,
    address: `127.0.0.1:${port}`,
    output: () => output,
    async kill() {
      child.kill('SIGKILL')
      await exited(child)
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await exited(child)
    },
  }
}
