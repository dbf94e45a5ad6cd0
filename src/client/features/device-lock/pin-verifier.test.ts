import { describe, expect, it } from 'vitest'
import { makePinVerifier, pinMatches } from './pin-verifier'

describe('the PIN verifier', () => {
  it('checks the PIN it was made from, and no other', async () => {
    const verifier = await makePinVerifier('583016')
    expect(await pinMatches('583016', verifier)).toBe(true)
    expect(await pinMatches('583017', verifier)).toBe(false)
    expect(await pinMatches('', verifier)).toBe(false)
  })

  it('holds a salted PBKDF2 hash, never the PIN', async () => {
    const [first, second] = await Promise.all([makePinVerifier('583016'), makePinVerifier('583016')])
    expect(first).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 310_000 })
    expect(first.salt).toMatch(/^[0-9a-f]{32}$/)
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(first)).not.toContain('583016')
    // A fresh salt each time: the same PIN on two devices does not give the same hash.
    expect(second.salt).not.toBe(first.salt)
    expect(second.hash).not.toBe(first.hash)
  })

  it('checks with the iterations the verifier was made with', async () => {
    const verifier = await makePinVerifier('583016')
    expect(await pinMatches('583016', { ...verifier, iterations: verifier.iterations - 1 })).toBe(false)
  })
})
