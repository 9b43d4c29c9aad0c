/** Certificates: one by its number, and the key their signatures are checked with. */
import type { Certificate as CertificateDoc } from '@exemplar/cms/payload-types'
import type { CertificateRecord } from '@exemplar/domain'

import { cached, CACHE_TTL_MS, readKey } from './cache'
import { cms, getEndpoint } from './client'

/**
 * A certificate as the public reads it, its signed record typed (Payload
 * types a json field loosely). Anonymous reads never see the full names or
 * the holder's account.
 */
export type Certificate = Omit<CertificateDoc, 'record'> & { record: CertificateRecord }

/** The CMS's current signing key (`GET /api/certificates/public-key`). */
export interface SigningKey {
  algorithm: 'Ed25519'
  keyId: string
  publicKeyPem: string
  /** Base64 of the 32-byte raw public key. */
  publicKeyRaw: string
}

/** The key changes only when it is rotated; a minute of reuse spares a read per page view. */
const SIGNING_KEY_TTL_MS = 60_000

/**
 * The certificate with this canonical number, or null. Reused for
 * CACHE_TTL_MS only: with the page's 30 s HTTP cache a revocation shows
 * within the minute it must.
 */
export async function getCertificate(number: string): Promise<Certificate | null> {
  const options = {
    collection: 'certificates',
    where: { number: { equals: number } },
    depth: 0,
    limit: 1,
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  const doc = result.docs[0]
  // The plugin writes the record as a CertificateRecord; the json field's type cannot say so.
  return doc ? { ...doc, record: doc.record as unknown as CertificateRecord } : null
}

/** The public key; a CMS without the endpoint answers 404, which surfaces as NotFound. */
export function getSigningKey(): Promise<SigningKey> {
  return cached('certificates public-key', SIGNING_KEY_TTL_MS, async () => {
    const res = await getEndpoint('/certificates/public-key', new URLSearchParams())
    return (await res.json()) as SigningKey
  })
}
