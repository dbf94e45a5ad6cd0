import { isIPv4, isIPv6 } from 'node:net'

/** The eight groups of an IPv6 address, with `::` filled in. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const filler = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...filler, ...right].map((group) => group.replace(/^0+(?=.)/, '').toLowerCase())
}

/**
 * The network a request comes from, for throttling: an IPv4 address as it is, an IPv6
 * address as its /64, which one household or phone is given whole (counting single IPv6
 * addresses would let anyone dodge a limit by moving along their own range).
 */
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1]
  if (mapped && isIPv4(mapped)) return mapped
  if (!isIPv6(ip)) return ip
  return `${ipv6Groups(ip.split('%')[0]!).slice(0, 4).join(':')}::/64`
}
