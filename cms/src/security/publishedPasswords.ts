import crypto from 'node:crypto'
import { promisify } from 'node:util'

import type { Payload } from 'payload'

import { PUBLISHED_DEMO_ACCOUNTS } from '../lib/demo'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * Payload's stored password format (payload/dist/auth/strategies/local/
 * generatePasswordSaltHash.js, 3.90): `pbkdf2-sha256-v1:<hex>` is 600,000
 * iterations with a 32-byte key; a bare hex hash is the legacy 25,000
 * iterations with 512 bytes; both pbkdf2-sha256 over the hex salt. Payload
 * exports no verifier that leaves the account alone (login counts failed
 * attempts and opens a session), so this mirrors it.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'

type Verdict = 'matches' | 'differs' | 'unknown-format'

export async function comparePublishedPassword(
  password: string,
  stored: { salt?: unknown; hash?: unknown },
): Promise<Verdict> {
  const { salt, hash } = stored
  if (typeof salt !== 'string' || typeof hash !== 'string') {
    // No local password at all: nobody can sign in with the published one.
    return 'differs'
  }
  let expected: string
  let iterations: number
  let keyLength: number
  if (hash.startsWith(CURRENT_PREFIX)) {
    expected = hash.slice(CURRENT_PREFIX.length)
    iterations = 600_000
    keyLength = 32
  } else if (/^[0-9a-f]+$/i.test(hash)) {
    expected = hash
    iterations = 25_000
    keyLength = 512
  } else {
    // A format newer than this file: say so rather than pass a password unchecked.
    return 'unknown-format'
  }
  const derived = await pbkdf2(password, salt, iterations, keyLength, 'sha256')
  const wanted = Buffer.from(expected, 'hex')
  return derived.length === wanted.length && crypto.timingSafeEqual(derived, wanted)
    ? 'matches'
    : 'differs'
}

/**
 * The demo accounts that exist and would still accept their published
 * password (or whose stored hash this file cannot read). Reads through the
 * database adapter as Payload's own login does: the Local API hides `hash`.
 */
export async function accountsWithPublishedPasswords(payload: Payload): Promise<string[]> {
  const { docs } = await payload.db.find<{ email?: string; salt?: string; hash?: string }>({
    collection: 'users',
    where: { email: { in: PUBLISHED_DEMO_ACCOUNTS.map((account) => account.email) } },
    limit: PUBLISHED_DEMO_ACCOUNTS.length,
    pagination: false,
  })
  const verdicts = await Promise.all(
    docs.map(async (doc) => {
      const account = PUBLISHED_DEMO_ACCOUNTS.find((a) => a.email === doc.email?.toLowerCase())
      const verdict = account ? await comparePublishedPassword(account.password, doc) : 'differs'
      return verdict === 'differs' ? undefined : doc.email
    }),
  )
  return verdicts.filter((email): email is string => email !== undefined).sort()
}
