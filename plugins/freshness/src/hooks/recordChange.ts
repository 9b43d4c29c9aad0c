import type { CollectionAfterChangeHook } from 'payload'

import { recordPageChange } from '../record'
import type { PageTagsOf } from '../types'

/** After a save: the pages the document shows on (before or after) are recorded as changed. */
export const recordChange =
  (tagsOf: PageTagsOf): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    const tags = await tagsOf({
      doc: doc as Record<string, unknown>,
      previousDoc: (previousDoc ?? null) as Record<string, unknown> | null,
      operation,
      req,
    })
    await recordPageChange(req, tags)
    return doc
  }
