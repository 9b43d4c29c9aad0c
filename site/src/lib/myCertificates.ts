/**
 * 我的证书 on the account page: what the browser makes of
 * `GET /api/certificates/mine`. Kept apart from ./certificates, which signs
 * and draws QR codes with Node-only modules a browser bundle cannot carry.
 */
import {
  CERTIFICATE_KIND_LABELS,
  CERTIFICATE_STATUS_LABELS,
  labelOf,
  type CertificateKind,
  type CertificateRecord,
  type CertificateStatus,
} from '@exemplar/domain'

import { localePath, type Locale } from '../i18n'
import { formatDate, formatDay } from './format'

/** One certificate as `/api/certificates/mine` answers it (the holder's own, names in the record masked). */
export interface MyCertificate {
  id: number | string
  number: string
  kind: CertificateKind
  status: CertificateStatus
  issuedAt?: string | null
  record: CertificateRecord
  revokedAt?: string | null
  revokedReason?: string | null
}

export interface MyCertificatesResponse {
  docs: MyCertificate[]
}

/** One row of the list, every text ready for textContent. */
export interface MyCertificateRow {
  number: string
  status: CertificateStatus
  statusLabel: string
  /** The day of revocation, formatted; null when valid or not known. */
  revokedOn: string | null
  kindLabel: string
  award: string
  campaign: string
  work: string | null
  issuedOn: { iso: string; text: string }
  /** The public page, in the reader's language. */
  href: string
  /** The printable certificate; one file for both languages. */
  pdfHref: string
}

export function myCertificateRow(doc: MyCertificate, locale: Locale): MyCertificateRow {
  const { record } = doc
  // The number goes into a path; a malformed one must not walk out of /certificates/.
  const number = encodeURIComponent(doc.number)
  return {
    number: doc.number,
    status: doc.status,
    statusLabel: labelOf(CERTIFICATE_STATUS_LABELS, doc.status, locale),
    revokedOn: doc.status === 'revoked' && doc.revokedAt ? formatDate(doc.revokedAt, locale) : null,
    kindLabel: labelOf(CERTIFICATE_KIND_LABELS, doc.kind ?? record.kind, locale),
    award: record.award,
    campaign: record.campaign?.title ?? '',
    work: record.work?.title ?? null,
    issuedOn: { iso: record.issuedOn, text: formatDay(record.issuedOn, locale) },
    href: localePath(locale, `/certificates/${number}`),
    pdfHref: `/certificates/${number}.pdf`,
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/**
 * The rows of an answer, in the server's order (newest first). A doc
 * without a number or record is skipped rather than breaking the list;
 * null when the body is not the list at all, which the page shows as a
 * failed load.
 */
export function myCertificateRows(body: unknown, locale: Locale): MyCertificateRow[] | null {
  if (!isRecord(body) || !Array.isArray(body.docs)) {
    return null
  }
  return body.docs
    .filter(
      (doc): doc is MyCertificate =>
        isRecord(doc) && typeof doc.number === 'string' && isRecord(doc.record),
    )
    .map((doc) => myCertificateRow(doc, locale))
}
