import type { PayloadRequest } from 'payload'

import { hashAddress, maskAddress, normalizeAddress, type VoterChannel } from './lib/address'
import { verifyVoterToken } from './lib/token'
import { cookie, MAX_TOKEN_LENGTH, normalizeId, VOTER_COOKIE } from './respond'

export interface VerifiedContact {
  channel: VoterChannel
  /** The address in its canonical form (lower-case email, 11-digit mobile). */
  address: string
  masked: string
  voterId: string
}

/**
 * The address a reader proved with a one-time code, for other capabilities
 * that accept the same identity (Exemplar: objections in publicity). The
 * request must carry a verified voter's token (cookie or `Authorization:
 * Voter …`) and `claimed` must be that voter's address: voters are stored
 * by a salted hash only, so the reader names the address again and the
 * hash must match. `null` for anything else, including anonymous voters.
 */
export async function verifiedVoterContact(
  req: PayloadRequest,
  claimed: string,
): Promise<VerifiedContact | null> {
  const auth = req.headers.get('authorization') ?? undefined
  const bearer = auth?.startsWith('Voter ') ? auth.slice(6).trim() : undefined
  const token = bearer ?? cookie(req.headers.get('cookie') ?? undefined, VOTER_COOKIE)
  if (!token || token.length > MAX_TOKEN_LENGTH) {
    return null
  }
  const claim = verifyVoterToken(req.payload.secret, token)
  if (!claim || claim.anonymous) {
    return null
  }
  const channel: VoterChannel = claimed.includes('@') ? 'email' : 'sms'
  const address = normalizeAddress(channel, claimed)
  if (!address) {
    return null
  }
  const voter = (await req.payload.findByID({
    collection: 'voters',
    id: normalizeId(claim.voterId),
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as { addressHash?: string } | null
  if (!voter || voter.addressHash !== hashAddress(req.payload.secret, address)) {
    return null
  }
  return { channel, address, masked: maskAddress(channel, address), voterId: claim.voterId }
}
