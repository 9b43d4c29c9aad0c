import { describe, expect, it } from 'vitest'

import { hashAddress, maskAddress, normalizeAddress } from './address'

describe('voter addresses', () => {
  it('should normalize emails and mainland mobile numbers', () => {
    expect(normalizeAddress('email', ' Reader@Example.ORG ')).toBe('reader@example.org')
    expect(normalizeAddress('sms', '+86 138-0013-8000')).toBe('13800138000')
  })

  it('should refuse what is not an address', () => {
    expect(normalizeAddress('email', 'not-an-email')).toBeNull()
    expect(normalizeAddress('sms', '12345')).toBeNull()
    expect(normalizeAddress('sms', '02055550101')).toBeNull()
  })

  it('should refuse an address over the length limits before any pattern runs', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(185)}.org`
    expect(normalizeAddress('email', longest)).toBe(longest)
    expect(normalizeAddress('email', `${'a'.repeat(64)}@${'b'.repeat(186)}.org`)).toBeNull()
    expect(normalizeAddress('email', `a@${'b'.repeat(500_000)}.org`)).toBeNull()
    expect(normalizeAddress('sms', `138 0013 8000${' '.repeat(40)}`)).toBeNull()
  })

  it('should mask and hash without revealing the address', () => {
    expect(maskAddress('email', 'reader@example.org')).toBe('re***@example.org')
    expect(maskAddress('sms', '13800138000')).toBe('138****8000')
    expect(hashAddress('s', 'reader@example.org')).not.toContain('reader')
    expect(hashAddress('s', 'a')).toBe(hashAddress('s', 'a'))
  })
})
