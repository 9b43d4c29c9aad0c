import type { CollectionAfterDeleteHook } from 'payload'

import { searchOptionsOf } from '../options'
import { searchStoreOf } from '../store'

/** After an entry is deleted: out of the index, in the same transaction. */
export const dropEntry: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const options = searchOptionsOf(req.payload.config)
  await searchStoreOf(req.payload, { entries: options.entries, votes: options.votesField }).remove(
    req,
    doc.id,
  )
  return doc
}
