import { describe, expect, it } from 'vitest'

import { parseTrustedProxies, resolveClientIp } from './clientIp'

describe('resolveClientIp', () => {
  const loopback = parseTrustedProxies(undefined)

  it('should ignore X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolveClientIp('203.0.113.9', '1.2.3.4', loopback)).toBe('203.0.113.9')
  })

  it('should take the forwarded client when the site proxy on loopback sends it', () => {
    expect(resolveClientIp('::ffff:127.0.0.1', '198.51.100.7', loopback)).toBe('198.51.100.7')
  })

  it('should skip only trusted hops, so a client cannot prepend a fake address', () => {
    const trusted = parseTrustedProxies('loopback, private')
    expect(resolveClientIp('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.5', trusted)).toBe(
      '198.51.100.7',
    )
    expect(resolveClientIp('10.0.0.5', '198.51.100.7', loopback)).toBe('10.0.0.5')
  })

  it('should keep the peer when the forwarded header holds no address', () => {
    expect(resolveClientIp('127.0.0.1', 'garbage', loopback)).toBe('127.0.0.1')
  })
})
