import { createHash } from 'node:crypto'

export type VoterChannel = 'email' | 'sms'

/** RFC 5321's longest address; the patterns below only ever see strings this short. */
export const MAX_EMAIL_LENGTH = 254
// A phone number with spaces, dashes and +86 as people type it.
const MAX_MOBILE_INPUT = 32
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,24}$/
// Mainland mobile numbers: 11 digits starting 1[3-9].
const MOBILE = /^1[3-9]\d{9}$/

/** The canonical form of a voter's address, or `null` when it is not one. */
export function normalizeAddress(channel: VoterChannel, raw: string): string | null {
  // The length cap comes before any pattern: the work per request stays bounded whatever is sent.
  if (raw.length > (channel === 'email' ? MAX_EMAIL_LENGTH + 64 : MAX_MOBILE_INPUT)) {
    return null
  }
  const value = raw.trim()
  if (channel === 'email') {
    if (value.length > MAX_EMAIL_LENGTH) {
      return null
    }
    const email = value.toLowerCase()
    return EMAIL.test(email) ? email : null
  }
  const digits = value.replace(/[\s-]/g, '').replace(/^\+?86/, '')
  return MOBILE.test(digits) ? digits : null
}

/** Addresses are kept only as a salted hash: enough to recognise a returning voter. */
export function hashAddress(secret: string, address: string): string {
  return createHash('sha256').update(`${secret}:voter:${address}`).digest('hex')
}

/** What the voter and editors see: `re***@example.org`, `138****5678`. */
export function maskAddress(channel: VoterChannel, address: string): string {
  if (channel === 'email') {
    const [name = '', domain = ''] = address.split('@')
    return `${name.slice(0, 2)}***@${domain}`
  }
  return `${address.slice(0, 3)}****${address.slice(-4)}`
}
