import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedCertificatesOptions } from '../types'

/**
 * When an entry is revoked (an upheld objection, fraud found in publicity),
 * its valid certificates are revoked in the same transaction, with the
 * reason class the editor picked: the certificate's page shows 已撤销 as
 * soon as the site's short cache turns over.
 */
export const revokeCertificatesOfEntry =
  (options: ResolvedCertificatesOptions): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req, operation }) => {
    const status = options.fields.status
    if (
      operation !== 'update' ||
      doc[status] !== options.revokedState ||
      previousDoc?.[status] === options.revokedState
    ) {
      return doc
    }
    const history = (
      Array.isArray(doc[options.fields.history]) ? doc[options.fields.history] : []
    ) as {
      to?: string
      reasonLabel?: string | null
    }[]
    const row = history.filter((h) => h.to === options.revokedState).at(-1)
    await req.payload.update({
      collection: options.slug,
      where: { entry: { equals: doc.id }, status: { equals: 'valid' } },
      data: {
        status: 'revoked',
        revokedAt: new Date().toISOString(),
        revokedReason: row?.reasonLabel ?? null,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return doc
  }
