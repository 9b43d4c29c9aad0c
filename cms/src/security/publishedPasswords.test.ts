import crypto from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { comparePublishedPassword } from './publishedPasswords'

/** A hash in Payload's legacy format: bare hex, 25,000 iterations, 512 bytes. */
function legacyHash(password: string, salt: string): string {
  return crypto.pbkdf2Sync(password, salt, 25_000, 512, 'sha256').toString('hex')
}

describe('comparePublishedPassword', () => {
  const salt = crypto.randomBytes(32).toString('hex')

  it('should recognise the published password in a legacy hash', async () => {
    const hash = legacyHash('exemplar-admin', salt)
    await expect(comparePublishedPassword('exemplar-admin', { salt, hash })).resolves.toBe(
      'matches',
    )
    await expect(comparePublishedPassword('exemplar-editor', { salt, hash })).resolves.toBe(
      'differs',
    )
  })

  it('should call an account without a local password safe', async () => {
    await expect(comparePublishedPassword('exemplar-admin', {})).resolves.toBe('differs')
  })

  it('should report a hash format it cannot read instead of passing it', async () => {
    await expect(
      comparePublishedPassword('exemplar-admin', { salt, hash: 'argon2id-v9:abcdef' }),
    ).resolves.toBe('unknown-format')
  })
})
