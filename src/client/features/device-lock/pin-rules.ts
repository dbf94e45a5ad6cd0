export const pinLength = 6
const pinShape = new RegExp(`^\\d{${pinLength}}$`)

/** PINs people choose most often that the patterns below do not already catch. */
const commonPins = new Set(['159753', '147258', '258369', '102030', '142536'])

/** Each digit is the one before plus the same amount, mod 10: 000000, 123456, 654321, 135791, 890123. */
function isRun(digits: number[]): boolean {
  const step = (i: number) => (digits[i]! - digits[i - 1]! + 10) % 10
  return digits.every((_, i) => i < 2 || step(i) === step(1))
}

/** A run, a short repeat (121212, 123123), a run of pairs (112233), a mirror (123321), or a favourite. */
function isEasyToGuess(pin: string): boolean {
  const digits = [...pin].map(Number)
  const repeats = (period: number) => pin === pin.slice(0, period).repeat(pin.length / period)
  const pairedRun =
    digits.every((digit, i) => i % 2 === 0 || digit === digits[i - 1]) && isRun(digits.filter((_, i) => i % 2 === 0))
  return (
    isRun(digits) || repeats(2) || repeats(3) || pairedRun || pin === [...pin].reverse().join('') || commonPins.has(pin)
  )
}

/** What is wrong with a PIN someone is choosing, in words for them; undefined when it will do. */
export function newPinProblem(pin: string): string | undefined {
  if (pin === '') return 'Enter a PIN'
  if (!pinShape.test(pin)) return `Enter a PIN of ${pinLength} digits, using only the numbers 0 to 9`
  if (isEasyToGuess(pin)) return 'Choose a PIN that is harder to guess, not one like 111111, 123456 or 121212'
  return undefined
}

export function repeatedPinProblem(pin: string, again: string): string | undefined {
  if (again === '') return 'Enter the PIN again'
  if (again !== pin) return 'The PINs do not match. Enter the same PIN in both boxes'
  return undefined
}

/** What is wrong with a PIN entered to unlock, before it is checked (a PIN of the wrong shape does not count as a try). */
export function enteredPinProblem(pin: string): string | undefined {
  if (pin === '') return 'Enter your PIN'
  if (!pinShape.test(pin)) return `Your PIN is ${pinLength} digits`
  return undefined
}
