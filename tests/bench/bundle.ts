import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Figure } from './report'

/** One chunk of `dist/.vite/manifest.json`, as Vite writes it. */
interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestChunk>

const firstScreenSource = 'src/client/features/my-team/MyTeamView.vue'
const signInSource = 'src/client/features/session/SignInView.vue'
const budgetKb = 100

/** The files a chunk loads before it runs: itself, its static imports (transitively) and their CSS. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key]
  if (!chunk) throw new Error(`The Vite manifest has no chunk "${key}"`)
  if (into.has(chunk.file)) return into
  into.add(chunk.file)
  for (const css of chunk.css ?? []) into.add(css)
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into)
  return into
}

/** What dist/index.html itself makes the browser fetch: the entry script, modulepreloads, stylesheets. */
function filesInIndexHtml(html: string): Set<string> {
  const files = new Set<string>()
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (!url || /^[a-z]+:/i.test(url)) continue
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag)
    const isPreload = /rel="modulepreload"/.test(tag)
    const isStyle = /rel="stylesheet"/.test(tag)
    if (isScript || isPreload || isStyle) files.add(url.replace(/^\//, ''))
  }
  return files
}

interface Sizes {
  raw: number
  gzip: number
}

function sizeOf(distDir: string, files: Iterable<string>): Sizes & { files: Record<string, Sizes> } {
  const perFile: Record<string, Sizes> = {}
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file))
    const sizes = { raw: bytes.length, gzip: gzipSync(bytes).length }
    perFile[file] = sizes
    raw += sizes.raw
    gzip += sizes.gzip
  }
  return { raw, gzip, files: perFile }
}

const kb = (bytes: number) => bytes / 1000

/**
 * Builds the app with its own vite.config.ts into `distDir`. The run builds into a folder
 * of its own rather than dist/, so it never swaps files under a test run serving dist/.
 */
export async function benchBundle(distDir: string): Promise<{ figures: Figure[]; details: unknown }> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', distDir, '--emptyOutDir'], {
    stdio: 'inherit',
  })
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest

  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)
  if (!entryKey) throw new Error('The Vite manifest has no entry chunk')
  const entryFiles = staticClosure(manifest, entryKey, filesInIndexHtml(html))
  const firstScreenFiles = staticClosure(manifest, firstScreenSource, new Set(entryFiles))
  const signInFiles = staticClosure(manifest, signInSource, new Set(entryFiles))

  const entry = sizeOf(distDir, entryFiles)
  const firstScreen = sizeOf(distDir, firstScreenFiles)
  const signIn = sizeOf(distDir, signInFiles)
  const list = (sizes: typeof entry) =>
    Object.entries(sizes.files)
      .sort((a, b) => b[1].gzip - a[1].gzip)
      .map(([file, s]) => `${file.replace(/^assets\//, '')} ${kb(s.gzip).toFixed(1)}`)
      .join(', ')

  const bench = 'Bundle (gzip, 1 KB = 1000 B)'
  return {
    figures: [
      {
        bench,
        name: 'Entry: script + static imports + CSS',
        value: kb(entry.gzip),
        unit: 'KB',
        goalAtMost: budgetKb,
        note: `${kb(entry.raw).toFixed(1)} KB raw; ${list(entry)}`,
      },
      {
        bench,
        name: 'Entry + first screen (/my-team)',
        value: kb(firstScreen.gzip),
        unit: 'KB',
        goalAtMost: budgetKb,
        note: `${kb(firstScreen.raw).toFixed(1)} KB raw; adds ${kb(firstScreen.gzip - entry.gzip).toFixed(1)} KB`,
      },
      {
        bench,
        name: 'Entry + sign-in screen (first visit)',
        value: kb(signIn.gzip),
        unit: 'KB',
        note: `${kb(signIn.raw).toFixed(1)} KB raw; adds ${kb(signIn.gzip - entry.gzip).toFixed(1)} KB (for information)`,
      },
    ],
    details: { entry, firstScreen, signIn },
  }
}
