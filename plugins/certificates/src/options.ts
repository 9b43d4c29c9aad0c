import type { CollectionSlug, SanitizedConfig } from 'payload'

import type { CertificatesPluginOptions, ResolvedCertificatesOptions } from './types'

export function resolveCertificatesOptions(
  options: CertificatesPluginOptions,
): ResolvedCertificatesOptions {
  const slug = (value: string | undefined, fallback: string) =>
    (value ?? fallback) as CollectionSlug
  return {
    slug: slug(options.slug, 'certificates'),
    entries: slug(options.entries, 'entries'),
    campaigns: slug(options.campaigns, 'campaigns'),
    users: slug(options.users, 'users'),
    snapshots: slug(options.snapshots, 'result-snapshots'),
    fields: {
      status: 'status',
      campaign: 'campaign',
      history: 'history',
      year: 'year',
      ...options.fields,
    },
    awardedState: options.awardedState ?? 'awarded',
    revokedState: options.revokedState ?? 'revoked',
    holdersOf: options.holdersOf,
    recordOnEntry: options.recordOnEntry,
    partnersOf: options.partnersOf,
    signingKey: options.signingKey,
    printPdf: options.printPdf,
    siteUrl: options.siteUrl ?? (() => ''),
    isEditor: options.isEditor,
  }
}

/** The options the plugin was composed with, from the running config. */
export function certificatesOptionsOf(config: SanitizedConfig): ResolvedCertificatesOptions {
  const options = (config.custom as { certificates?: ResolvedCertificatesOptions } | undefined)
    ?.certificates
  if (!options) {
    throw new Error('the certificates plugin is not in this Payload config')
  }
  return options
}
