import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { distDir } from './app-server'

/** End-to-end tests drive the production build; build it if `npm test` has not already. */
export default function setup() {
  if (!existsSync(`${distDir}/sw.js`) || process.env.E2E_REBUILD === '1') {
    execFileSync('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir'], { stdio: 'inherit' })
  }
}
