import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * A voter token: `v1.<voterId>.<expiresAtSeconds>.<hmac>` for a verified
 * voter, `a1.…` for an anonymous one. Signed with the CMS secret, checked
 * without a database read on the vote hot path.
 */
const VERIFIED = 'v1'
const ANONYMOUS = 'a1'

export interface VoterClaim {
  voterId: string
  anonymous: boolean
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

export function issueVoterToken(
  secret: string,
  voterId: string | number,
  ttlSeconds: number,
  now = Date.now(),
  anonymous = false,
): string {
  const expires = Math.floor(now / 1000) + ttlSeconds
  const payload = `${anonymous ? ANONYMOUS : VERIFIED}.${voterId}.${expires}`
  return `${payload}.${sign(secret, payload)}`
}

/** The voter of a valid, unexpired token; `null` for anything else. */
export function verifyVoterToken(
  secret: string,
  token: string | undefined | null,
  now = Date.now(),
): VoterClaim | null {
  if (!token) {
    return null
  }
  const parts = token.split('.')
  if (parts.length !== 4 || (parts[0] !== VERIFIED && parts[0] !== ANONYMOUS)) {
    return null
  }
  const [version, voterId, expires, mac] = parts as [string, string, string, string]
  const expected = Buffer.from(sign(secret, `${version}.${voterId}.${expires}`))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return null
  }
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 < now || voterId === '') {
    return null
  }
  return { voterId, anonymous: version === ANONYMOUS }
}
