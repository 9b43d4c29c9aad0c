import net from 'node:net'

/**
 * Which peers may speak for the client in X-Forwarded-For. Anyone else could
 * set the header to dodge the per-IP ceiling or to smear the integrity report,
 * so by default only loopback (the site's proxy on the same host) is trusted;
 * `private` adds the RFC 1918 / ULA ranges a container network uses.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  return (value ?? 'loopback')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

function plain(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.')
}

function isPrivate(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a = 0, b = 0] = address.split('.').map(Number)
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
  }
  return /^f[cd][0-9a-f]{2}:/i.test(address) || /^fe80:/i.test(address)
}

export function isTrustedProxy(address: string, trusted: readonly string[]): boolean {
  const ip = plain(address)
  return trusted.some(
    (rule) =>
      (rule === 'loopback' && isLoopback(ip)) ||
      (rule === 'private' && (isLoopback(ip) || isPrivate(ip))) ||
      rule === ip,
  )
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy,
 * in which case the forwarded chain is walked from the right past every
 * trusted hop (the leftmost entries are whatever the client chose to send).
 */
export function resolveClientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: readonly string[],
): string {
  let current = plain(remoteAddress ?? 'unknown')
  if (!forwardedFor || !isTrustedProxy(current, trusted)) {
    return current
  }
  const hops = forwardedFor
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter((hop) => net.isIP(hop) !== 0)
  while (hops.length > 0 && isTrustedProxy(current, trusted)) {
    current = hops.pop() as string
  }
  return current
}
