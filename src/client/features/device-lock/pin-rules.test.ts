import { describe, expect, it } from 'vitest'
import { enteredPinProblem, newPinProblem, repeatedPinProblem } from './pin-rules'

describe('choosing a PIN', () => {
  it.each([
    '000000',
    '999999',
    '123456',
    '654321',
    '234567',
    '890123',
    '135791',
    '121212',
    '123123',
    '112233',
    '123321',
    '159753',
  ])('refuses %s as too easy to guess', (pin) => {
    expect(newPinProblem(pin)).toBe('Choose a PIN that is harder to guess, not one like 111111, 123456 or 121212')
  })

  it.each(['583016', '907214', '246813', '101520'])('accepts %s', (pin) => {
    expect(newPinProblem(pin)).toBeUndefined()
  })

  it('asks for exactly six digits', () => {
    expect(newPinProblem('')).toBe('Enter a PIN')
    for (const pin of ['58301', '5830167', '58a016', ' 583016', '５８３０１６']) {
      expect(newPinProblem(pin), pin).toBe('Enter a PIN of 6 digits, using only the numbers 0 to 9')
    }
  })

  it('asks for the same PIN twice', () => {
    expect(repeatedPinProblem('583016', '')).toBe('Enter the PIN again')
    expect(repeatedPinProblem('583016', '583061')).toBe('The PINs do not match. Enter the same PIN in both boxes')
    expect(repeatedPinProblem('583016', '583016')).toBeUndefined()
  })
})

describe('entering a PIN to unlock', () => {
  it('checks its shape before it counts as a try', () => {
    expect(enteredPinProblem('')).toBe('Enter your PIN')
    expect(enteredPinProblem('5830')).toBe('Your PIN is 6 digits')
    expect(enteredPinProblem('000000')).toBeUndefined()
  })
})
