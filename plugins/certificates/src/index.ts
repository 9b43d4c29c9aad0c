import type { CollectionConfig, Config } from 'payload'

import { certificatesCollection } from './collections/certificates'
import { certificatesEndpoints } from './endpoints'
import { revokeCertificatesOfEntry } from './hooks/revokeCertificatesOfEntry'
import { resolveCertificatesOptions } from './options'
import type { CertificatesPluginOptions, ResolvedCertificatesOptions } from './types'

export type { CertificateHolder, CertificatesPluginOptions } from './types'
export { certificatesOptionsOf } from './options'
export { issueAwardCertificates } from './service/issue'
export { issueInstitutionCertificates } from './service/issueInstitutions'
export { ed25519KeyFromSecret, publicKeyOf, signRecord, verifyRecord } from './signing'

/** The plugin's hook after the host's own: the entry's status is final when certificates follow it. */
function withRevocation(
  c: CollectionConfig,
  options: ResolvedCertificatesOptions,
): CollectionConfig {
  return {
    ...c,
    hooks: {
      ...c.hooks,
      afterChange: [...(c.hooks?.afterChange ?? []), revokeCertificatesOfEntry(options)],
    },
  }
}

/** Campaigns: the editors' panel that issues a frozen result's certificates. */
function withIssuePanel(
  c: CollectionConfig,
  options: ResolvedCertificatesOptions,
): CollectionConfig {
  return {
    ...c,
    fields: [
      ...c.fields.filter((f) => !('name' in f) || f.name !== 'certificatesPanel'),
      {
        name: 'certificatesPanel',
        label: { zh: '颁发证书', en: 'Certificates' },
        type: 'ui',
        admin: {
          components: {
            Field: {
              path: '@exemplar/plugin-certificates/client#IssuePanel',
              clientProps: { slug: options.slug },
            },
          },
        },
      },
    ],
  }
}

/**
 * Certificates: issued in bulk from a frozen result, each numbered with an
 * ISO 7064 check character and signed with Ed25519 over its public record,
 * revoked with its entry. The collection and the hook are added even when
 * disabled, so the schema never changes under the data.
 */
export const certificatesPlugin =
  (input: CertificatesPluginOptions) =>
  (config: Config): Config => {
    const options = resolveCertificatesOptions(input)
    const collections = (config.collections ?? []).map((c) =>
      c.slug === options.entries
        ? withRevocation(c, options)
        : c.slug === options.campaigns && !input.disabled
          ? withIssuePanel(c, options)
          : c,
    )
    const collection = certificatesCollection(options)
    const added = input.disabled ? collection : { ...collection, endpoints: certificatesEndpoints }
    return {
      ...config,
      collections: [...collections, added],
      custom: { ...config.custom, certificates: options },
    }
  }
