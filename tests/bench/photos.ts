import { mkdirSync, writeFileSync } from 'node:fs'
import { photoTargetBytes } from '../../src/client/features/evidence/resize-photo'
import { signedInOnBenchPage } from './bench-page'
import { median, round, type Figure } from './report'

const photoCount = 20
/** A 12-megapixel phone camera, portrait. */
const width = 3000
const height = 4000
const cameraQuality = 0.92
/** Grain opacity: what brings a photographed page to a phone photo's ~2 MB. */
const noise = 0.02
export const samplePath = '.tmp/bench-photo-sample.jpg'

const kb = (bytes: number) => bytes / 1000

/**
 * Evidence photos: 20 photographed pages at phone-camera size made in Chromium, through
 * the real resizePhoto, queued as evidence and sent by the real pushAll (uploads in
 * chunks first) to the real server on real PostgreSQL.
 */
export async function benchPhotos(): Promise<{ figures: Figure[]; details: unknown }> {
  const { demo, page, close } = await signedInOnBenchPage()
  try {
    const made = await page.evaluate((args) => window.bench.makePhotos(...args), [
      photoCount,
      width,
      height,
      noise,
      cameraQuality,
    ] as [number, number, number, number, number])
    const resized = await page.evaluate(() => window.bench.resizePhotos())
    mkdirSync('.tmp', { recursive: true })
    writeFileSync(samplePath, Buffer.from(await page.evaluate(() => window.bench.resizedSample(0)), 'base64'))

    await page.evaluate(([person, action]) => window.bench.queuePhotoEvidence(person, action), [
      demo.work.managerId,
      demo.work.actionIds[0]!,
    ] as const)
    const upload = await page.evaluate(() => window.bench.pushOutbox())
    const [stored] = await demo.app.db.query<{ n: string; bytes: string | null }>(
      'select count(*) as n, sum(size) as bytes from attachments where evidence_id is not null and received_bytes = size and version is not null',
    )

    const originals = made.map((p) => p.bytes)
    const kept = resized.map((p) => p.bytes)
    const times = resized.map((p) => p.ms)
    const sentBytes = upload.uploads.reduce((total, u) => total + u.size, 0)
    const bench = `Evidence photos (${photoCount} × ${width}×${height})`
    const spread = (values: number[]) =>
      `min ${round(kb(Math.min(...values)))}, median ${round(kb(median(values)))}, max ${round(kb(Math.max(...values)))} KB`
    const shapes = [...new Set(resized.map((p) => `${p.width}×${p.height}`))]
    return {
      figures: [
        {
          bench,
          name: `Photos as the camera saved them (JPEG ${cameraQuality}), median`,
          value: kb(median(originals)),
          unit: 'KB',
          note: `${spread(originals)}; a photographed printed page with grain, made in ${Math.round(median(made.map((p) => p.ms)))} ms each`,
        },
        {
          bench,
          name: 'Bytes kept per photo after resizePhoto, largest',
          value: kb(Math.max(...kept)),
          unit: 'KB',
          goalAtMost: photoTargetBytes / 1000,
          note: `${spread(kept)}; kept at ${shapes.join(', ')}; ${kept.filter((b) => b > photoTargetBytes).length} over the 300 KiB target; sample in ${samplePath}`,
        },
        {
          bench,
          name: 'resizePhoto time per photo, median',
          value: median(times),
          unit: 'ms',
          note: `max ${Math.round(Math.max(...times))} ms; one at a time, as addEvidence does`,
        },
        {
          bench,
          name: `Upload of all ${photoCount} via pushAll (uploadFile, then the evidence)`,
          value: upload.ms,
          unit: 'ms',
          note: `${round(kb(sentBytes))} KB in ${upload.uploads.length} chunk requests (median ${Math.round(median(upload.uploads.map((u) => u.ms)))} ms) + ${upload.otherRequests} status checks + ${upload.pushes.length} push, one after another; ${stored?.n ?? 0} attachments published on the server (${round(kb(Number(stored?.bytes ?? 0)))} KB)`,
        },
      ],
      details: { made, resized, upload: { ...upload, longTasks: upload.longTasks.length }, serverAttachments: stored },
    }
  } finally {
    await close()
  }
}
