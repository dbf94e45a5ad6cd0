/**
 * Photos are made smaller on the device before they are queued: a 12-megapixel shot
 * is 3–6 MB, which is slow to send on poor signal and fills the device's storage.
 *
 * Re-encoding to JPEG also strips the photo's EXIF metadata, including the GPS position
 * where it was taken, so no location leaves the device with the photo.
 */

/** A resized photo is kept under this size when it can be without losing legibility. */
export const photoTargetBytes = 300 * 1024

/**
 * What to try, in order, until the photo fits `photoTargetBytes`. A photographed A4 page
 * stays legible at 1280 px on its long edge; below that, small print is lost, so if the
 * last step is still too big it is kept as it is (well under the 20 MB attachment limit).
 */
export const resizeSteps: readonly { maxEdge: number; qualities: readonly number[] }[] = [
  { maxEdge: 1600, qualities: [0.8, 0.7] },
  { maxEdge: 1280, qualities: [0.7, 0.6] },
]

export interface ResizedPhoto {
  bytes: ArrayBuffer
  mediaType: 'image/jpeg'
  width: number
  height: number
}

/** The size to draw a `width`×`height` image at so its long edge is at most `maxEdge`; never larger than it is. */
export function targetSize(width: number, height: number, maxEdge: number): { width: number; height: number } {
  if (!(width > 0 && height > 0 && maxEdge > 0) || ![width, height, maxEdge].every(Number.isFinite)) {
    throw new RangeError(`Cannot size an image of ${width}×${height} to ${maxEdge} px.`)
  }
  const scale = Math.min(1, maxEdge / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

type Surface =
  | { kind: 'offscreen'; canvas: OffscreenCanvas; context: OffscreenCanvasRenderingContext2D }
  | { kind: 'element'; canvas: HTMLCanvasElement; context: CanvasRenderingContext2D }

/** A canvas of exactly the target size: OffscreenCanvas where there is one (Safari 16.4+), else a detached <canvas>. */
function surfaceOf(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (context && typeof canvas.convertToBlob === 'function') return { kind: 'offscreen', canvas, context }
    canvas.width = 0
    canvas.height = 0
  }
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This device could not prepare the photo. Try again, or attach fewer photos at once.')
  return { kind: 'element', canvas, context }
}

function encode(surface: Surface, quality: number): Promise<Blob> {
  if (surface.kind === 'offscreen') return surface.canvas.convertToBlob({ type: 'image/jpeg', quality })
  return new Promise((resolve, reject) => {
    surface.canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('This device could not prepare the photo.'))),
      'image/jpeg',
      quality,
    )
  })
}

/** Frees the canvas's pixels at once rather than whenever it is collected (iOS kills pages that hold too much). */
function release(surface: Surface) {
  surface.canvas.width = 0
  surface.canvas.height = 0
}

/**
 * Decodes `file` through an <img> (browsers apply the EXIF orientation there and in
 * drawImage, so it is never rotated by hand), draws it straight at the target size,
 * never at full size (iOS draws canvases over 16.7 megapixels black, without an error),
 * and encodes JPEG, stepping quality and then size down until it fits.
 * Call for one photo at a time.
 */
export async function resizePhoto(file: File): Promise<ResizedPhoto> {
  const url = URL.createObjectURL(file)
  try {
    const image = new Image()
    image.decoding = 'async'
    image.src = url
    try {
      await image.decode()
    } catch {
      throw new Error(`“${file.name}” could not be read as a photo. Take it again, or choose a JPEG or PNG.`)
    }
    let last: ResizedPhoto | undefined
    for (const step of resizeSteps) {
      const size = targetSize(image.naturalWidth, image.naturalHeight, step.maxEdge)
      const surface = surfaceOf(size.width, size.height)
      try {
        // JPEG has no transparency: a transparent PNG would otherwise turn black.
        surface.context.fillStyle = '#ffffff'
        surface.context.fillRect(0, 0, size.width, size.height)
        surface.context.imageSmoothingEnabled = true
        surface.context.imageSmoothingQuality = 'high'
        surface.context.drawImage(image, 0, 0, size.width, size.height)
        for (const quality of step.qualities) {
          const blob = await encode(surface, quality)
          last = { bytes: await blob.arrayBuffer(), mediaType: 'image/jpeg', ...size }
          if (last.bytes.byteLength <= photoTargetBytes) return last
        }
      } finally {
        release(surface)
      }
    }
    if (!last) throw new Error(`“${file.name}” could not be prepared.`)
    return last
  } finally {
    URL.revokeObjectURL(url)
  }
}
