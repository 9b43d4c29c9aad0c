import type { CollectionAfterDeleteHook } from 'payload'

import { recordPageChange } from '../record'
import type { PageTagsOf } from '../types'

/** After a delete: the pages it showed on are recorded as changed. */
export const recordDeletion =
  (tagsOf: PageTagsOf): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const tags = await tagsOf({
      doc: doc as Record<string, unknown>,
      previousDoc: doc as Record<string, unknown>,
      operation: 'delete',
      req,
    })
    await recordPageChange(req, tags)
    return doc
  }
