import { createHash } from 'node:crypto'

const longest = 40
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8)

/**
 * A plan-document key made from a code or a title: lower-case words joined by hyphens.
 * Past about 40 characters the words are cut and a hash of the whole text is added, so
 * two long titles that begin alike still get keys of their own. Text with no letter or
 * digit a key can hold (a title in another script) gets its key from the hash alone.
 */
export function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  if (words.length === 0) return `x${hashOf(text)}`
  const whole = words.join('-')
  if (whole.length <= longest) return whole
  let cut = ''
  for (const word of words) {
    const next = cut ? `${cut}-${word}` : word
    if (next.length > longest) break
    cut = next
  }
  return `${cut || whole.slice(0, longest)}-${hashOf(text)}`
}

/**
 * Hands out keys unique within one kind of record. Two records whose text makes the same
 * key get -2, -3… in the order the spreadsheet has them, so the same spreadsheet always
 * gives the same keys: that is what lets importing it again change nothing.
 */
export function keyMaker(): (base: string) => string {
  const taken = new Set<string>()
  return (base) => {
    let key = base
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`
    taken.add(key)
    return key
  }
}
