import type { DeviceKind } from '../../../shared/delivery-records'

/** What history knows of where a change was made. */
export interface ChangeSource {
  personId: string
  personName: string
  deviceId: string
  deviceKind?: DeviceKind | null
}

/** Who is reading the history, on which device (undefined until this device has made a change). */
export interface Reader {
  personId: string | undefined
  deviceId: string | undefined
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name

/**
 * Where a change in history came from, in the words a person would use: "from this device",
 * "from your phone", "from Jordan’s tablet". Never a device id, which means nothing to anyone.
 */
export function changeCameFrom(source: ChangeSource, reader: Reader): string {
  if (reader.deviceId !== undefined && source.deviceId === reader.deviceId) return 'from this device'
  const device = source.deviceKind ?? 'device'
  if (source.personId === reader.personId) {
    return source.deviceKind ? `from your ${device}` : 'from another of your devices'
  }
  return `from ${firstName(source.personName)}’s ${device}`
}
