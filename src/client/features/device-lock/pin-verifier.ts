import type { PinVerifier } from '../../db/meta'

/**
 * OWASP's 2021 figure for PBKDF2-HMAC-SHA-256: about a tenth of a second on a tablet.
 * A six-digit PIN has only a million values, so no iteration count stops someone who
 * has copied the database; what protects the device is that five wrong tries wipe it.
 * The count is kept with each verifier, so it can be raised without breaking old ones.
 */
const iterations = 310_000

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
const bytesOf = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16))

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, rounds: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: rounds }, key, 256)
  return new Uint8Array(bits)
}

export async function makePinVerifier(pin: string): Promise<PinVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: hex(salt), hash: hex(await derive(pin, salt, iterations)) }
}

export async function pinMatches(pin: string, verifier: PinVerifier): Promise<boolean> {
  const hash = await derive(pin, bytesOf(verifier.salt), verifier.iterations)
  const expected = bytesOf(verifier.hash)
  // Compare every byte, whatever the first difference: no timing tells how close a guess came.
  let difference = hash.length ^ expected.length
  hash.forEach((byte, i) => (difference |= byte ^ (expected[i] ?? 0)))
  return difference === 0
}
