import type { DeviceKind } from '../../shared/delivery-records'

// Checked in order: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
const browsers: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|HeadlessChrome|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
]

// iPad before iPhone and Mac; Android before Linux, which Android also says.
const systems: [RegExp, string][] = [
  [/\biPad\b/, 'iPad'],
  [/\biPhone\b/, 'iPhone'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'Mac'],
  [/\bLinux\b/, 'Linux'],
]

const firstMatch = <T>(table: [RegExp, T][], text: string) => table.find(([pattern]) => pattern.test(text))?.[1]

/**
 * What a person would call the device a session was started on, such as "Chrome on
 * Android", so they can tell their devices apart. Only the label is kept, never the header.
 */
export function deviceLabel(userAgent: string | undefined): string {
  const text = userAgent ?? ''
  const browser = firstMatch(browsers, text)
  const system = firstMatch(systems, text)
  if (browser && system) return `${browser} on ${system}`
  if (browser) return browser
  if (system) return `A browser on ${system}`
  return 'Unknown device'
}

// An Android phone's browser says "Mobile"; an Android tablet's does not. iPadOS Safari says
// "Macintosh" by default, so such an iPad counts as a computer: the nearest thing we can know.
const kinds: [RegExp, DeviceKind][] = [
  [/\biPad\b|\bTablet\b/, 'tablet'],
  [/\biPhone\b|\biPod\b|\bAndroid\b.*\bMobile\b/, 'phone'],
  [/\bAndroid\b/, 'tablet'],
  [/\bCrOS\b|\bWindows\b|\bMacintosh\b|\bMac OS X\b|\bLinux\b|\bX11\b/, 'computer'],
]

/** The kind of device a browser runs on, for history's "from Jordan’s tablet"; null when it does not say. */
export function deviceKind(userAgent: string | undefined): DeviceKind | null {
  return firstMatch(kinds, userAgent ?? '') ?? null
}
