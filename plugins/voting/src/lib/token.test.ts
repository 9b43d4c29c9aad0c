import { describe, expect, it } from 'vitest'

import { issueVoterToken, verifyVoterToken } from './token'

describe('voter tokens', () => {
  const now = Date.UTC(2026, 6, 1)

  it('should give back the voter of a fresh token', () => {
    expect(verifyVoterToken('s', issueVoterToken('s', 42, 60, now), now)).toEqual({
      voterId: '42',
      anonymous: false,
    })
    expect(verifyVoterToken('s', issueVoterToken('s', 7, 60, now, true), now)).toEqual({
      voterId: '7',
      anonymous: true,
    })
  })

  it('should refuse a token signed with another secret, tampered or expired', () => {
    const token = issueVoterToken('s', 42, 60, now)
    expect(verifyVoterToken('other', token, now)).toBeNull()
    expect(verifyVoterToken('s', token.replace('.42.', '.43.'), now)).toBeNull()
    expect(verifyVoterToken('s', token.replace('v1.', 'a1.'), now)).toBeNull()
    expect(verifyVoterToken('s', token, now + 61_000)).toBeNull()
    expect(verifyVoterToken('s', 'garbage', now)).toBeNull()
    expect(verifyVoterToken('s', undefined, now)).toBeNull()
  })
})
