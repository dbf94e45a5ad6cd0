// Child process of push-server.ts: drives POST /api/sync/push with autocannon from its own
// process, so making and checking request bodies never takes CPU from the server's event
// loop. Reads its settings from the JSON file named by argv[2]; writes one JSON line (LoadResult) to stdout.
import { readFileSync } from 'node:fs'
import autocannon, { type Result } from 'autocannon'
import { pushBody, type PushMix, type PushWork } from './push-bodies'

/** One signed-in device: its session, and the work its person changes. */
export interface LoadDevice {
  cookie: string
  work: PushWork
  mix: PushMix
}

export interface LoadSettings {
  origin: string
  /** Headers every push carries (content type, Origin); each device adds its cookie. */
  headers: Record<string, string>
  /** Pushes go to each in turn, whichever connection is free. */
  devices: LoadDevice[]
  batch: number
  connections: number
  seconds: number
}

export interface LoadResult {
  seconds: number
  requests: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  /** Results by outcome over every 2xx answer; `missing` counts changes a 2xx answer had no result for. */
  outcomes: Record<string, number>
  /** Latency of each 2xx push, ms. */
  latencies: number[]
}

const settings = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadSettings
const outcomes: Record<string, number> = {}
const latencies: number[] = []
let ok = 0
let turn = 0

const result = await new Promise<Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: settings.origin,
      connections: settings.connections,
      duration: settings.seconds,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: '/api/sync/push',
          headers: settings.headers,
          setupRequest: (request) => {
            const n = turn++ % settings.devices.length
            const device = settings.devices[n]!
            const body = pushBody(device.work, settings.batch, `bench-device-${n}`, device.mix)
            return { ...request, headers: { ...request.headers, cookie: device.cookie }, body }
          },
          onResponse: (status, body) => {
            if (status < 200 || status >= 300) return
            ok++
            const results = (JSON.parse(body) as { results: { outcome: string }[] }).results
            for (const r of results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1
            if (results.length < settings.batch)
              outcomes.missing = (outcomes.missing ?? 0) + settings.batch - results.length
          },
        },
      ],
    },
    (error, finished) => (error ? reject(error) : resolve(finished)),
  )
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime)
  })
})

const report: LoadResult = {
  seconds: result.duration,
  requests: Object.values(result.statusCodeStats).reduce((total, s) => total + Number(s.count), 0),
  ok,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, Number(s.count)])),
  outcomes,
  latencies,
}
process.stdout.write(`${JSON.stringify(report)}\n`)
