/**
 * The certificate page's logic: reading the number in the address, what the
 * page shows, the QR code of its address, and the check of the signature.
 * Everything the signature covers is shown from the signed record itself,
 * so what a reader sees is what they can verify offline.
 */
import { verify } from 'node:crypto'

import {
  CERTIFICATE_KIND_LABELS,
  CERTIFICATE_STATUS_LABELS,
  certificateMessage,
  labelOf,
  parseCertificateNumber,
  type CertificateStatus,
} from '@exemplar/domain'

import type { Certificate, SigningKey } from '../cms'
import { localePath, type Locale } from '../i18n'
import { tc } from '../i18n/certificates'
import { formatDate, formatDay } from './format'
import { absoluteUrl } from './share'

/** The public-key endpoint, through the site's same-origin /api proxy. */
export const PUBLIC_KEY_PATH = '/api/certificates/public-key'

/**
 * Short enough that a revocation reaches every reader within a minute
 * (the site's own reads are reused for 10 s more), long enough that a
 * crowd scanning one printed code is served from a shared cache.
 */
export const CERTIFICATE_CACHE_CONTROL = 'public, max-age=30'

export function certificatePath(locale: Locale, number: string): string {
  return localePath(locale, `/certificates/${number}`)
}

/** The address the QR code carries: absolute, on the public origin. */
export function certificateUrl(locale: Locale, number: string, origin: string): string {
  return absoluteUrl(certificatePath(locale, number), origin)
}

export type NumberParam =
  { ok: true; number: string; canonical: boolean } | { ok: false; message: string }

/**
 * The number in the address. A typo is told apart from a missing
 * certificate (the check character catches it); a number typed another
 * way (spaces, lower-case x) is valid but not canonical, for a redirect.
 */
export function numberParam(param: string | undefined): NumberParam {
  const parsed = parseCertificateNumber(param ?? '')
  if (!parsed.ok) {
    return { ok: false, message: parsed.message }
  }
  return { ok: true, number: parsed.number, canonical: parsed.number === param }
}

export type Lookup =
  | { kind: 'empty' }
  | { kind: 'found'; path: string }
  | { kind: 'invalid'; value: string; message: string }

/** The lookup form's ?number=: nothing asked, where to go, or why the number is wrong. */
export function lookup(search: URLSearchParams, locale: Locale): Lookup {
  const value = search.get('number')?.trim() ?? ''
  if (!value) {
    return { kind: 'empty' }
  }
  const parsed = parseCertificateNumber(value)
  return parsed.ok
    ? { kind: 'found', path: certificatePath(locale, parsed.number) }
    : { kind: 'invalid', value, message: parsed.message }
}

export interface CertificateView {
  number: string
  status: CertificateStatus
  statusLabel: string
  /** Set when revoked: the day (formatted) and the class of reason, each when known. */
  revoked: { date: string | null; reason: string | null } | null
  kindLabel: string
  /** The masked names, joined; null when the holder is an institution only. */
  holders: string | null
  institution: string
  award: string
  work: { number: string; title: string; href: string } | null
  campaign: { title: string; href: string; resultsHref: string }
  issuedOn: { iso: string; text: string }
  snapshot: { sequence: number; sha256: string } | null
  /** The exact text the signature covers. */
  message: string
  signature: string
  keyId: string
}

export function certificateView(certificate: Certificate, locale: Locale): CertificateView {
  const { record } = certificate
  const names = (record.holder?.names ?? []).filter((n) => n.trim() !== '')
  const slug = record.campaign.slug
  const revoked = certificate.status === 'revoked'
  return {
    number: certificate.number,
    status: certificate.status,
    statusLabel: labelOf(CERTIFICATE_STATUS_LABELS, certificate.status, locale),
    revoked: revoked
      ? {
          date: certificate.revokedAt ? formatDate(certificate.revokedAt, locale) : null,
          reason: certificate.revokedReason?.trim() || null,
        }
      : null,
    kindLabel: labelOf(CERTIFICATE_KIND_LABELS, record.kind, locale),
    holders: names.length > 0 ? names.join(locale === 'zh' ? '、' : ', ') : null,
    institution: record.holder?.institution ?? '',
    award: record.award,
    work: record.work
      ? { ...record.work, href: localePath(locale, `/entries/${record.work.number}`) }
      : null,
    campaign: {
      title: record.campaign.title,
      href: localePath(locale, `/campaigns/${slug}`),
      resultsHref: localePath(locale, `/campaigns/${slug}/results`),
    },
    issuedOn: { iso: record.issuedOn, text: formatDay(record.issuedOn, locale) },
    snapshot: record.snapshot,
    message: certificateMessage(record),
    signature: certificate.signature,
    keyId: certificate.keyId,
  }
}

/** When and why, as one line beside the badge; either part may be unknown. */
export function revokedLine(
  revoked: NonNullable<CertificateView['revoked']>,
  locale: Locale,
): string {
  return [
    revoked.date && tc(locale, 'certificate.revokedOn', { date: revoked.date }),
    revoked.reason && tc(locale, 'certificate.revokedReason', { reason: revoked.reason }),
  ]
    .filter(Boolean)
    .join(locale === 'zh' ? '；' : '; ')
}

export type SignatureCheck = 'ok' | 'bad' | 'otherKey'

/**
 * The site's own check with the CMS's current key, shown beside the
 * instructions: it catches a record edited after signing. A certificate of
 * an earlier key cannot be checked with this one, which is not a failure.
 */
export function checkSignature(certificate: Certificate, key: SigningKey): SignatureCheck {
  if (certificate.keyId !== key.keyId) {
    return 'otherKey'
  }
  if (certificate.record.keyId !== certificate.keyId) {
    return 'bad'
  }
  try {
    const message = Buffer.from(certificateMessage(certificate.record), 'utf8')
    const signature = Buffer.from(certificate.signature, 'base64')
    return verify(null, message, key.publicKeyPem, signature) ? 'ok' : 'bad'
  } catch {
    // A malformed key or signature is as good as a wrong one.
    return 'bad'
  }
}

/** The commands of the offline check, with the file names the instructions use. */
export const VERIFY_COMMANDS = [
  'base64 -d sig.txt > sig.bin',
  'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in message.txt -sigfile sig.bin',
].join('\n')

export { qrSvg } from './share'
