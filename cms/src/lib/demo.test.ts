import { describe, expect, it } from 'vitest'

import { isDemoMode, isProductionMode } from './demo'

describe('isDemoMode and isProductionMode', () => {
  it.each([
    { env: { NODE_ENV: 'production' }, demo: false, production: true },
    { env: { NODE_ENV: 'production', EXEMPLAR_DEMO: '1' }, demo: true, production: false },
    { env: { NODE_ENV: 'production', EXEMPLAR_DEMO: 'true' }, demo: true, production: false },
    { env: { NODE_ENV: 'production', EXEMPLAR_DEMO: '0' }, demo: false, production: true },
    { env: { NODE_ENV: 'production', EXEMPLAR_DEMO: '' }, demo: false, production: true },
    { env: { NODE_ENV: 'development' }, demo: true, production: false },
    { env: { NODE_ENV: 'development', EXEMPLAR_DEMO: '0' }, demo: false, production: false },
    { env: { NODE_ENV: 'test' }, demo: true, production: false },
    { env: {}, demo: true, production: false },
  ])('should read $env as demo=$demo, production=$production', ({ env, demo, production }) => {
    expect(isDemoMode(env as NodeJS.ProcessEnv)).toBe(demo)
    expect(isProductionMode(env as NodeJS.ProcessEnv)).toBe(production)
  })
})
