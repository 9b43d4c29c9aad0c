import { canonicalJson } from '../canonical'
import type { Label } from '../label'

/** What a certificate is for (seeds 001, 004, 000). */
export const CERTIFICATE_KIND_LABELS = {
  award: { zh: '获奖证书', en: 'Award certificate' },
  organizer: { zh: '优秀组织机构', en: 'Excellent organizing institution' },
  media: { zh: '参与媒体证书', en: 'Participating media certificate' },
} as const satisfies Record<string, Label>

export type CertificateKind = keyof typeof CERTIFICATE_KIND_LABELS

export const CERTIFICATE_KINDS = Object.keys(CERTIFICATE_KIND_LABELS) as CertificateKind[]

export const CERTIFICATE_STATUS_LABELS = {
  valid: { zh: '有效', en: 'Valid' },
  revoked: { zh: '已撤销', en: 'Revoked' },
} as const satisfies Record<string, Label>

export type CertificateStatus = keyof typeof CERTIFICATE_STATUS_LABELS

/**
 * The record a certificate's signature covers, as published: people's
 * names already masked, so the public page, the signed bytes and the
 * verification anyone does offline all use one text. Its status is not
 * in it: a revocation is a later fact, shown live on the certificate's
 * page, and cannot un-sign what was issued.
 */
export interface CertificateRecord {
  /** The format of this record; a changed format gets a new number. */
  v: 1
  number: string
  kind: CertificateKind
  holder: { names: string[]; institution: string }
  /** The award (tier) name, e.g. 优秀价值案例. */
  award: string
  work: { number: string; title: string } | null
  campaign: { slug: string; title: string; year: number }
  /** Day of issue, YYYY-MM-DD in Asia/Shanghai. */
  issuedOn: string
  /** The frozen results it was issued from. */
  snapshot: { sequence: number; sha256: string } | null
  /** Which signing key: the first 16 hex digits of SHA-256 of its raw public key. */
  keyId: string
}

/** Keeps the signed bytes of one format apart from any other message the same key might sign. */
export const CERTIFICATE_SIGNATURE_CONTEXT = 'exemplar-certificate-v1\n'

/** The exact UTF-8 text an Ed25519 signature of the record is made over. */
export function certificateMessage(record: CertificateRecord): string {
  return `${CERTIFICATE_SIGNATURE_CONTEXT}${canonicalJson(record)}`
}

/**
 * A person's name as a public page shows it: the first character, then one
 * ＊ for each hidden one, and for names of three or more the last character
 * too (张三 → 张＊, 李小明 → 李＊明, 欧阳小娜 → 欧＊＊娜). Latin names keep
 * their first letter per word. Institutions are not people and are never masked.
 */
export function maskPersonName(name: string): string {
  const trimmed = name.trim()
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .map((w) => (w.length <= 1 ? w : `${w[0]}${'*'.repeat(Math.min(w.length - 1, 6))}`))
      .join(' ')
  }
  const chars = [...trimmed]
  if (chars.length <= 1) {
    return trimmed
  }
  if (chars.length === 2) {
    return `${chars[0]}＊`
  }
  return `${chars[0]}${'＊'.repeat(Math.min(chars.length - 2, 6))}${chars.at(-1)}`
}
