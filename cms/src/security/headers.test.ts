import { describe, expect, it } from 'vitest'

import { isApiPath, newNonce, pagePolicy, securityHeaders } from './headers'

describe('securityHeaders', () => {
  it('should give a page a nonce policy without unsafe-inline scripts', () => {
    const headers = securityHeaders({ nonce: 'abc', production: false })
    expect(headers['content-security-policy']).toContain("script-src 'self' 'nonce-abc';")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(headers['strict-transport-security']).toBeUndefined()
  })

  it('should give data a policy that lets nothing run or frame it', () => {
    const headers = securityHeaders({ production: false })
    expect(headers['content-security-policy']).toMatch(
      /^default-src 'none'; frame-ancestors 'none'/,
    )
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  })

  it('should send HSTS in production mode only', () => {
    expect(securityHeaders({ production: true })['strict-transport-security']).toBe(
      'max-age=31536000',
    )
  })

  it('should only report, not block, on the development server', () => {
    const headers = securityHeaders({ nonce: 'abc', production: false, dev: true })
    expect(headers['content-security-policy-report-only']).toContain("'nonce-abc'")
    expect(headers['content-security-policy']).toBeUndefined()
  })

  it('should allow eval only to the development server', () => {
    expect(pagePolicy('n', true)).toContain("'unsafe-eval'")
    expect(pagePolicy('n', false)).not.toContain("'unsafe-eval'")
  })

  it('should make a fresh nonce in the form Next reads', () => {
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(newNonce()).not.toBe(newNonce())
  })

  it.each([
    ['/api/campaigns?limit=1', true],
    ['/api', true],
    ['/api/media/file/a.jpg', true],
    ['/admin/login', false],
    ['/apiary', false],
    [undefined, false],
  ])('should tell whether %s is an API path (%s)', (url, api) => {
    expect(isApiPath(url)).toBe(api)
  })
})
