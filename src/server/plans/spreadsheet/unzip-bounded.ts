import { Unzip, UnzipInflate } from 'fflate'

export interface Bounds {
  /** Files the zip may hold. */
  entries: number
  /** Bytes the kept files may unpack to, all together. */
  bytes: number
}
type Unzipped = { files: Record<string, Uint8Array> } | { refusal: string }

const chunk = 16 * 1024

/**
 * Unpacks the files of a zip that `keep` names, counting every byte as it is inflated and
 * stopping at the bounds, so a zip bomb (kilobytes that inflate to gigabytes) costs no
 * more than the bound. The sizes a zip declares are not trusted: they can lie.
 */
export function unzipBounded(bytes: Uint8Array, keep: (name: string) => boolean, bounds: Bounds): Unzipped {
  const files: Record<string, Uint8Array> = {}
  let entries = 0
  let total = 0
  let refusal: string | undefined
  const unzip = new Unzip((file) => {
    entries += 1
    if (entries > bounds.entries) refusal ??= `It holds more than ${bounds.entries} files.`
    if (refusal || !keep(file.name)) return
    if (Object.hasOwn(files, file.name)) {
      refusal = `It holds two files named ${file.name}.`
      return
    }
    const parts: Uint8Array[] = []
    file.ondata = (error, data, final) => {
      if (refusal) return
      if (error) {
        refusal = 'Part of it is damaged.'
        return
      }
      total += data.length
      if (total > bounds.bytes) {
        refusal = `It unpacks to more than ${Math.round(bounds.bytes / 1024 / 1024)} MB.`
        file.terminate()
        return
      }
      parts.push(data)
      if (final) files[file.name] = joined(parts)
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !refusal; at += chunk) {
      unzip.push(bytes.subarray(at, at + chunk), at + chunk >= bytes.length)
    }
  } catch {
    refusal ??= 'It is not a zip file this import can read.'
  }
  return refusal ? { refusal } : { files }
}

function joined(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    whole.set(part, at)
    at += part.length
  }
  return whole
}
