import type { CollectionSlug, PayloadRequest } from 'payload'

export type Id = string | number

/** Who an award certificate names: the work's authors and its institution, and the account that holds it. */
export interface CertificateHolder {
  /** People's names in full; the signed, public record carries them masked. */
  names: string[]
  institution: string
  /** The account that finds the certificate under its own page, if any. */
  user: Id | null
}

export interface CertificatesPluginOptions {
  /** The collection this plugin adds (default `certificates`). */
  slug?: string
  entries?: string
  campaigns?: string
  users?: string
  /** The results plugin's frozen snapshots (default `result-snapshots`). */
  snapshots?: string
  /** Field names on the host's collections, where they differ from Exemplar's. */
  fields?: Partial<CertificatesFields>
  /** The entry state an award certificate is issued for (default `awarded`). */
  awardedState?: string
  /** The entry state that revokes its certificates (default `revoked`). */
  revokedState?: string
  /** The holders of the awarded entries: the host knows where authors and institutions live. */
  holdersOf: (req: PayloadRequest, entryIds: Id[]) => Promise<Map<string, CertificateHolder>>
  /**
   * The verified partner outlets a media certificate may name (seed 001),
   * with the account that manages each; without it, no media certificates.
   */
  partnersOf?: (req: PayloadRequest) => Promise<{ name: string; user: Id | null }[]>
  /** Tells the host an entry's certificate number (Exemplar keeps it in the entry's award group). */
  recordOnEntry?: (req: PayloadRequest, entryId: Id, number: string) => Promise<void>
  /** The Ed25519 private key, PKCS #8 PEM. */
  signingKey: () => string
  /** Prints one self-contained HTML page to PDF (Exemplar: Debian's Chromium); without it, no PDFs. */
  printPdf?: (html: string) => Promise<Uint8Array>
  /** The public site's origin, where a certificate's page (and its QR code) lives. */
  siteUrl?: () => string
  isEditor: (user: unknown) => boolean
  /** Add the collection and hooks, but no routes. */
  disabled?: boolean
}

export interface CertificatesFields {
  /** Entries. */
  status: string
  campaign: string
  /** The workflow's history rows (`to`, `reasonLabel`): where a revocation's reason class is read. */
  history: string
  /** Campaigns. */
  year: string
}

export interface ResolvedCertificatesOptions {
  slug: CollectionSlug
  entries: CollectionSlug
  campaigns: CollectionSlug
  users: CollectionSlug
  snapshots: CollectionSlug
  fields: CertificatesFields
  awardedState: string
  revokedState: string
  holdersOf: CertificatesPluginOptions['holdersOf']
  recordOnEntry: CertificatesPluginOptions['recordOnEntry']
  partnersOf: CertificatesPluginOptions['partnersOf']
  signingKey: () => string
  printPdf: CertificatesPluginOptions['printPdf']
  siteUrl: () => string
  isEditor: (user: unknown) => boolean
}
