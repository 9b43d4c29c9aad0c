import type { CollectionAfterReadHook } from 'payload'

import { campaignBlindness } from '../access/blindFields'
import { sameId } from '../service/lookups'
import type { ResolvedReviewOptions } from '../types'

/**
 * Takes identities out of an entry as it is read. A reviewer of a blind
 * campaign loses every blind field, keys and all (field access empties a
 * field, but Payload puts an array back as `[]`). While a blind campaign's
 * review runs and it does not show identities publicly, everyone else but
 * editors and the entry's own submitter reads it without authors and
 * institution: otherwise a reviewer could look the entry up on the public
 * site.
 */
export function stripBlindEntry(options: ResolvedReviewOptions): CollectionAfterReadHook {
  return async ({ context, doc, req }) => {
    if (context.reviewInternalRead || !doc || options.isEditor(req.user)) {
      return doc
    }
    const reviewer = options.isReviewer(req.user)
    const own = sameId(doc[options.fields.submitter], req.user)
    if (!reviewer && own) {
      return doc
    }
    const blindness = await campaignBlindness(req, options, doc[options.fields.campaign])
    const hidden = reviewer
      ? blindness.blind
        ? options.blindEntryFields
        : []
      : blindness.withheldPublicly
        ? options.publicBlindFields
        : []
    if (hidden.length === 0) {
      return doc
    }
    const out = { ...doc }
    for (const name of hidden) {
      delete out[name]
    }
    return out
  }
}
