import { ed25519KeyFromSecret } from '@exemplar/plugin-certificates'

import { payloadSecret } from '../env'

let signingKey: { from: string; pem: string } | undefined

/**
 * The Ed25519 key certificates are signed with: CERTIFICATE_SIGNING_KEY
 * (PKCS #8 PEM) when set, else one derived from PAYLOAD_SECRET, so every
 * CMS process on one database signs alike. Changing the secret changes the
 * key: certificates issued before verify only with the old public key.
 */
export function certificateSigningKey(): string {
  const configured = process.env.CERTIFICATE_SIGNING_KEY?.replace(/\\n/g, '\n')
  const from = configured || `secret:${payloadSecret()}`
  if (signingKey?.from !== from) {
    signingKey = { from, pem: configured || ed25519KeyFromSecret(payloadSecret()) }
  }
  return signingKey.pem
}
