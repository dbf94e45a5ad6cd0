import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './postgres'

/** Debian's nginx (`apt-get install nginx-light`); tests/run-all.mjs installs it when missing. */
export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

/** One request as nginx logged it once answered: who sent it, and which replica (or replicas, tried in turn) it went to. */
export interface ProxiedRequest {
  agent: string
  method: string
  path: string
  status: number
  /** `$upstream_addr`: "127.0.0.1:port", or several separated by ", " when nginx moved on to the next. */
  replica: string
}

export interface LoadBalancer {
  port: number
  origin: string
  /** Every request answered so far, from nginx's access log. */
  requests(): ProxiedRequest[]
  /** nginx's error log: why it gave up on an upstream. */
  errors(): string
  stop(): Promise<void>
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * A real nginx on a free loopback port, in the foreground, with its configuration, pid,
 * logs and temporary files in a folder of its own (removed on stop). `routing` goes in the
 * `http` block (upstreams, maps); every request is proxied to `target`. Its access log, and
 * each answer's `X-Replica` header, name the replica that answered.
 */
export async function startNginx(routing: string, target: string): Promise<LoadBalancer> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-nginx-'))
  // As root, nginx's workers run as nobody: they must reach the folder and write their temp files.
  chmodSync(dir, 0o755)
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, temp))
    chmodSync(join(dir, temp), 0o777)
  }
  const port = await freePort()
  writeFileSync(
    join(dir, 'nginx.conf'),
    `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  log_format replicas escape=json '{"agent":"$http_user_agent","method":"$request_method","path":"$uri","status":$status,"replica":"$upstream_addr"}';
  access_log ${dir}/access.log replicas;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 16m;
  ${routing}
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass ${target};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A request already sent is never replayed on another replica (no "non_idempotent"):
      # a push cut off mid-way is answered 502 and the device sends it again, which the
      # server's once-only apply makes safe. Requests that could not reach a replica at all go to the next.
      proxy_next_upstream error timeout;
      add_header X-Replica $upstream_addr always;
    }
  }
}
`,
  )
  const child: ChildProcess = spawn(
    nginxPath,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const errors = () => {
    try {
      return stderr + readFileSync(join(dir, 'error.log'), 'utf8')
    } catch {
      return stderr
    }
  }
  const deadline = Date.now() + 15_000
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
      throw new Error(`nginx did not start:\n${errors()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests: () =>
      readFileSync(join(dir, 'access.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ProxiedRequest),
    errors,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGQUIT')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
