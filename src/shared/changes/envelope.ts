import { pgText, pgTimestamp, saneYears, uuid } from '../pg-values'

/**
 * What every change made on a device carries. `id` is made on the device and is the
 * idempotency key: the server applies a change at most once however often it arrives.
 */
export const id = uuid()
const clockProblem = `The device’s clock gave this change a time that is not a real moment between ${saneYears.min} and ${saneYears.max}; check its date and time.`
export const envelope = {
  id,
  deviceId: pgText(100).min(1),
  madeAt: pgTimestamp(saneYears, clockProblem),
}
