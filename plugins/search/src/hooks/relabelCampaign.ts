import type { CollectionAfterChangeHook } from 'payload'

import { searchOptionsOf } from '../options'
import { reindexCampaign } from '../service/rebuild'
import { searchStoreOf } from '../store'

/**
 * After a campaign is saved: published or unpublished, its entries are
 * indexed again (in or out); otherwise only its labels change in place.
 */
export const relabelCampaign: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const options = searchOptionsOf(req.payload.config)
  if (previousDoc?._status !== doc._status) {
    await reindexCampaign(req, options, doc.id)
    return doc
  }
  const tracks = (doc.tracks ?? []) as { key?: string; name?: string }[]
  await searchStoreOf(req.payload, {
    entries: options.entries,
    votes: options.votesField,
  }).relabelCampaign(req, doc.id, {
    slug: String(doc.slug),
    title: String(doc.title),
    year: Number(doc.year),
    trackNames: Object.fromEntries(
      tracks.filter((t) => t.key).map((t) => [t.key!, t.name ?? t.key!]),
    ),
  })
  return doc
}
