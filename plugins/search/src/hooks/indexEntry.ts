import type { CollectionAfterChangeHook } from 'payload'

import { searchOptionsOf } from '../options'
import { searchDocOf } from '../service/document'
import { searchStoreOf } from '../store'

/** After an entry is saved: its index row follows in the same transaction (or leaves, when no longer public). */
export const indexEntry: CollectionAfterChangeHook = async ({ doc, req }) => {
  const options = searchOptionsOf(req.payload.config)
  const store = searchStoreOf(req.payload, { entries: options.entries, votes: options.votesField })
  const row = await searchDocOf(req, options, doc)
  if (row) {
    await store.put(req, row)
  } else {
    await store.remove(req, doc.id)
  }
  return doc
}
