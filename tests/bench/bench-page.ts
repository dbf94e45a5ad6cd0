import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

/** Where tests/bench/vite.config.ts builds the benchmark page (tests/bench/page). */
export const benchDist = resolve('.tmp/bench-dist')

let built = false

/** Builds the benchmark page once per run; every browser benchmark serves it next to /api. */
export function buildBenchPage() {
  if (built) return
  execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/vite.config.ts'], { stdio: 'inherit' })
  built = true
}
