import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify } from 'node:crypto'

import { certificateMessage, type CertificateRecord } from '@exemplar/domain'

/** PKCS #8 prefix of an Ed25519 private key (RFC 8410): 32 bytes of seed follow. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
/** SPKI prefix of an Ed25519 public key: the 32 raw bytes follow. */
const SPKI_ED25519_PREFIX_LENGTH = 12

/**
 * A stable Ed25519 key from a long secret, so every CMS process on one
 * database signs with the same key without a key file to share. A
 * deployment that keeps the signing key apart from PAYLOAD_SECRET sets
 * CERTIFICATE_SIGNING_KEY instead (the host decides).
 */
export function ed25519KeyFromSecret(secret: string): string {
  const seed = Buffer.from(hkdfSync('sha256', secret, 'exemplar', 'certificate-signing-key-v1', 32))
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  })
    .export({ format: 'pem', type: 'pkcs8' })
    .toString()
}

export interface PublicKeyInfo {
  algorithm: 'Ed25519'
  keyId: string
  publicKeyPem: string
  /** The 32-byte key, base64: what tools that take raw keys need. */
  publicKeyRaw: string
}

/** The public half of a private key, as the site publishes it. */
export function publicKeyOf(privatePem: string): PublicKeyInfo {
  const publicKey = createPublicKey(createPrivateKey(privatePem))
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('the certificate signing key must be Ed25519')
  }
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX_LENGTH)
  return {
    algorithm: 'Ed25519',
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicKeyRaw: raw.toString('base64'),
  }
}

/** The base64 Ed25519 signature over the record's message. */
export function signRecord(record: CertificateRecord, privatePem: string): string {
  return sign(null, Buffer.from(certificateMessage(record), 'utf8'), privatePem).toString('base64')
}

export function verifyRecord(
  record: CertificateRecord,
  signature: string,
  publicPem: string,
): boolean {
  return verify(
    null,
    Buffer.from(certificateMessage(record), 'utf8'),
    publicPem,
    Buffer.from(signature, 'base64'),
  )
}
