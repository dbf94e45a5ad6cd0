// `npm test`: builds the app, runs every Vitest project (unit, server, e2e), and ends
// with one line of totals for CI. Exits non-zero if anything failed.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'

// End-to-end tests drive Debian's Chromium, and run two replicas behind Debian's nginx;
// install them on a fresh machine (as root).
const apt = (...args) => spawnSync('apt-get', args, { stdio: 'ignore' }).status === 0
const debianPackages = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', name: 'chromium', what: 'Chromium' },
  { path: process.env.NGINX_PATH ?? '/usr/sbin/nginx', name: 'nginx-light', what: 'nginx' },
]
for (const { path, name, what } of debianPackages) {
  if (existsSync(path) || process.getuid?.() !== 0) continue
  console.log(`Installing Debian's ${what} for the end-to-end tests…`)
  if (!apt('install', '-y', name) && apt('update')) apt('install', '-y', name)
}

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
mkdirSync('.tmp', { recursive: true })
const report = '.tmp/vitest-report.json'
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
)

let passed = 0
let failed = 0
let skipped = 0
try {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests
  skipped = results.numPendingTests + results.numTodoTests
  // A file that fails to load has no tests to count, but is still a failure.
  failed += results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
} catch {
  failed += 1
}
if (run.status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
