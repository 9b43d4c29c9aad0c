import { afterEach, describe, expect, it, vi } from 'vitest'

import { payloadSecret } from './env'

describe('payloadSecret', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('should refuse the development default in production', () => {
    vi.stubEnv('PAYLOAD_SECRET', '')
    vi.stubEnv('NODE_ENV', 'production')
    expect(() => payloadSecret()).toThrow(/PAYLOAD_SECRET is not set/)
  })

  it('should use the configured secret in production', () => {
    vi.stubEnv('PAYLOAD_SECRET', 'a-real-secret')
    vi.stubEnv('NODE_ENV', 'production')
    expect(payloadSecret()).toBe('a-real-secret')
  })

  it('should let development and the production build run without one', () => {
    vi.stubEnv('PAYLOAD_SECRET', '')
    vi.stubEnv('NODE_ENV', 'development')
    expect(payloadSecret()).toMatch(/development/)
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    expect(payloadSecret()).toMatch(/development/)
  })
})
