import type { CollectionAfterChangeHook } from 'payload'

import { searchOptionsOf } from '../options'
import { searchStoreOf } from '../store'

/** After a theme is renamed: the facet's label follows. */
export const relabelTheme: CollectionAfterChangeHook = async ({ doc, req }) => {
  const options = searchOptionsOf(req.payload.config)
  await searchStoreOf(req.payload, {
    entries: options.entries,
    votes: options.votesField,
  }).relabelTheme(req, doc.id, String(doc.title ?? ''))
  return doc
}
