import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * The benchmark page (tests/bench/page): the real client modules for sync, My team and
 * search, without the app around them, built to .tmp/bench-dist so the real server can
 * serve it next to /api.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../.tmp/bench-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
})
