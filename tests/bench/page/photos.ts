import type { LocalDatabase } from '../../../src/client/db/database'
import { resizePhoto } from '../../../src/client/features/evidence/resize-photo'
import { queueChange } from '../../../src/client/sync/outbox'
import type { PendingUpload } from '../../../src/client/sync/outbox-types'
import { maxAttachmentsPerEvidence } from '../../../src/shared/attachments'

/**
 * Photos for the evidence benchmark (tests/bench/photos.ts): phone-camera-sized JPEGs
 * of a printed page on a desk, made here, then put through the real resizePhoto and
 * queued as evidence exactly as addEvidence does.
 */

export interface MadePhoto {
  name: string
  bytes: number
  width: number
  height: number
  ms: number
}

export interface ResizeRun {
  name: string
  originalBytes: number
  bytes: number
  width: number
  height: number
  ms: number
}

let originals: File[] = []
let resized: { name: string; bytes: ArrayBuffer }[] = []

/** xorshift32: fast enough to add sensor noise to 12 million pixels. */
function generator(seed: number) {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 4294967296
  }
}

const words = (
  'the of and to in for with on by at from young people children families team service plan review support transition ' +
  'protocol adult social care health education school panel agreed quarter outcome progress assessment placement ' +
  'report partners funding carers practitioners training safeguarding meeting minutes action owner deadline budget ' +
  'Kingston Richmond council designated clinical officer manager director strategy local offer annual evidence'
).split(' ')

/**
 * Draws a photographed A4 page at `width`×`height`: a desk, the page a little rotated and
 * unevenly lit, a heading, paragraphs and a table in print-sized type, then sensor noise.
 * `noise` is the grain's opacity (0–1); it is what makes the JPEG the size of a phone
 * photo, as real grain does.
 */
async function drawDocumentPhoto(
  seed: number,
  width: number,
  height: number,
  noise: number,
  quality: number,
): Promise<Blob> {
  const random = generator(seed * 7919 + 17)
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('No 2D canvas in this browser')

  const desk = context.createLinearGradient(0, 0, width, height)
  desk.addColorStop(0, '#6b4f3a')
  desk.addColorStop(1, '#3e2c20')
  context.fillStyle = desk
  context.fillRect(0, 0, width, height)
  for (let i = 0; i < 60; i++) {
    context.strokeStyle = `rgba(30, 18, 10, ${0.05 + random() * 0.1})`
    context.lineWidth = 2 + random() * 6
    context.beginPath()
    const y = random() * height
    context.moveTo(0, y)
    context.bezierCurveTo(
      width / 3,
      y + (random() - 0.5) * 200,
      (2 * width) / 3,
      y + (random() - 0.5) * 200,
      width,
      y + (random() - 0.5) * 100,
    )
    context.stroke()
  }

  // The page: A4 proportions, filling most of the frame, turned a degree or two.
  const pageWidth = width * 0.86
  const pageHeight = pageWidth * Math.SQRT2
  context.save()
  context.translate(width / 2, height / 2)
  context.rotate((random() - 0.5) * 0.05)
  context.translate(-pageWidth / 2, -pageHeight / 2)
  context.shadowColor = 'rgba(0, 0, 0, 0.5)'
  context.shadowBlur = 40
  context.shadowOffsetX = 12
  context.shadowOffsetY = 18
  context.fillStyle = '#f4f1ea'
  context.fillRect(0, 0, pageWidth, pageHeight)
  context.shadowColor = 'transparent'

  const margin = pageWidth * 0.09
  const unit = pageWidth / 2100 // one millimetre is 10 units of an A4 page 2100 units wide
  let y = margin + 80 * unit
  context.fillStyle = '#1d1d1f'
  context.font = `bold ${Math.round(110 * unit)}px serif`
  context.fillText(`Transition panel: notes of meeting ${1 + (seed % 12)}`, margin, y)
  y += 90 * unit
  context.font = `${Math.round(52 * unit)}px serif`
  context.fillStyle = '#444'
  context.fillText(
    `Kingston Children with Disabilities Team · ${10 + (seed % 18)} March 2024 · page ${1 + (seed % 3)} of 3`,
    margin,
    y,
  )
  y += 110 * unit

  // Body text at 10 pt, as on a printed report.
  const lineHeight = 50 * unit
  context.font = `${Math.round(35 * unit)}px serif`
  context.fillStyle = '#222'
  const right = pageWidth - margin
  const paragraph = (lines: number) => {
    for (let line = 0; line < lines; line++) {
      let x = margin
      const end = line === lines - 1 ? margin + (right - margin) * (0.3 + random() * 0.5) : right
      while (x < end) {
        const word = words[Math.floor(random() * words.length)]!
        const w = context.measureText(`${word} `).width
        if (x + w > end) break
        context.fillText(word, x, y)
        x += w
      }
      y += lineHeight
    }
    y += lineHeight * 0.6
  }
  for (let p = 0; p < 4; p++) paragraph(4 + Math.floor(random() * 4))

  // A table of figures, lined.
  const columns = [0, 0.35, 0.55, 0.75]
  context.strokeStyle = '#555'
  context.lineWidth = 2 * unit
  for (let row = 0; row < 9 && y < pageHeight - margin - lineHeight; row++) {
    context.beginPath()
    context.moveTo(margin, y - lineHeight * 0.75)
    context.lineTo(right, y - lineHeight * 0.75)
    context.stroke()
    context.font = `${row === 0 ? 'bold ' : ''}${Math.round(33 * unit)}px sans-serif`
    columns.forEach((column, index) => {
      const text =
        row === 0
          ? ['Measure', 'Baseline', 'Target', 'Actual'][index]!
          : index === 0
            ? `${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`
            : `${Math.floor(random() * 100)}%`
      context.fillText(text, margin + column * (right - margin), y)
    })
    y += lineHeight
  }
  while (y < pageHeight - margin) paragraph(3 + Math.floor(random() * 3))
  context.restore()

  // Uneven light: brighter where the window is, a shadow where the phone was held.
  const light = context.createRadialGradient(
    width * (0.2 + random() * 0.3),
    height * 0.15,
    0,
    width / 2,
    height / 2,
    height * 0.9,
  )
  light.addColorStop(0, 'rgba(255, 250, 235, 0.18)')
  light.addColorStop(1, 'rgba(0, 0, 0, 0.22)')
  context.fillStyle = light
  context.fillRect(0, 0, width, height)

  // Sensor grain, in colour as phone sensors make it: a tile of random pixels laid over
  // the whole frame at low opacity (JPEG codes every 8×8 block on its own, so a repeated
  // tile costs as many bytes as grain that never repeats).
  const tileSize = 509
  const tile = new OffscreenCanvas(tileSize, tileSize)
  const tileContext = tile.getContext('2d')!
  const grain = tileContext.createImageData(tileSize, tileSize)
  for (let i = 0; i < grain.data.length; i += 4) {
    const level = random() * 255
    grain.data[i] = level + (random() - 0.5) * 60
    grain.data[i + 1] = level
    grain.data[i + 2] = level + (random() - 0.5) * 90
    grain.data[i + 3] = 255
  }
  tileContext.putImageData(grain, 0, 0)
  context.globalAlpha = noise
  context.fillStyle = context.createPattern(tile, 'repeat')!
  context.fillRect(0, 0, width, height)
  context.globalAlpha = 1
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality })
  canvas.width = 0
  canvas.height = 0
  return blob
}

/** Makes `count` photos as a 12-megapixel phone camera would save them, and keeps them for `resizePhotos`. */
export async function makePhotos(
  count: number,
  width: number,
  height: number,
  noise: number,
  quality: number,
): Promise<MadePhoto[]> {
  originals = []
  const made: MadePhoto[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    const blob = await drawDocumentPhoto(i + 1, width, height, noise, quality)
    const name = `IMG_${String(4200 + i).padStart(4, '0')}.JPG`
    originals.push(new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() }))
    made.push({ name, bytes: blob.size, width, height, ms: performance.now() - start })
  }
  return made
}

/** Runs the real resizePhoto on each photo made, one at a time, as addEvidence does. */
export async function resizePhotos(): Promise<ResizeRun[]> {
  resized = []
  const runs: ResizeRun[] = []
  for (const file of originals) {
    const start = performance.now()
    const photo = await resizePhoto(file)
    const ms = performance.now() - start
    resized.push({ name: file.name.replace(/\.[^.]*$/, '.jpg'), bytes: photo.bytes })
    runs.push({
      name: file.name,
      originalBytes: file.size,
      bytes: photo.bytes.byteLength,
      width: photo.width,
      height: photo.height,
      ms,
    })
  }
  return runs
}

/** One resized photo, base64, for a person to look at. */
export async function resizedSample(index: number): Promise<string> {
  const photo = resized[index]
  if (!photo) throw new Error('Call resizePhotos first')
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('could not read the photo'))
    reader.readAsDataURL(new Blob([photo.bytes], { type: 'image/jpeg' }))
  })
  return url.slice(url.indexOf(',') + 1)
}

/** Queues the resized photos as evidence on `actionId`, as many per piece of evidence as one may carry. */
export async function queuePhotoEvidence(db: LocalDatabase, personId: string, actionId: string): Promise<number> {
  let queued = 0
  for (let first = 0; first < resized.length; first += maxAttachmentsPerEvidence) {
    const uploads: Omit<PendingUpload, 'mutationId' | 'sentBytes'>[] = resized
      .slice(first, first + maxAttachmentsPerEvidence)
      .map((photo) => ({
        id: crypto.randomUUID(),
        name: photo.name,
        mediaType: 'image/jpeg',
        size: photo.bytes.byteLength,
        bytes: photo.bytes,
      }))
    const data = {
      id: crypto.randomUUID(),
      actionId,
      milestoneId: null,
      note: `Photos of the panel's notes, ${first + 1} to ${first + uploads.length}.`,
      attachments: uploads.map(({ id, name, mediaType, size }) => ({ id, name, mediaType, size })),
    }
    await queueChange(db, personId, { kind: 'evidence.add', data }, uploads)
    queued++
  }
  return queued
}
