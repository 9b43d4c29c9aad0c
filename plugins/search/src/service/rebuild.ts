import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import { searchStoreOf } from '../store'
import type { Id } from '../store/types'
import type { ResolvedSearchOptions } from '../types'
import { searchDocOf } from './document'

const BATCH = 200

/** Indexes (or drops) every entry `where` selects, page by page, in the caller's transaction. */
async function indexWhere(
  req: PayloadRequest,
  options: ResolvedSearchOptions,
  where: Where,
): Promise<number> {
  const store = searchStoreOf(req.payload, { entries: options.entries, votes: options.votesField })
  let indexed = 0
  for (let page = 1; ; page++) {
    const found = await req.payload.find({
      collection: options.entries,
      where,
      depth: 0,
      limit: BATCH,
      page,
      sort: 'id',
      overrideAccess: true,
      req,
    })
    for (const entry of found.docs as unknown as (Record<string, unknown> & { id: Id })[]) {
      const row = await searchDocOf(req, options, entry)
      if (row) {
        await store.put(req, row)
        indexed += 1
      } else {
        await store.remove(req, entry.id)
      }
    }
    if (!found.hasNextPage) {
      return indexed
    }
  }
}

/** A campaign's entries again, after it was published or unpublished. */
export function reindexCampaign(
  req: PayloadRequest,
  options: ResolvedSearchOptions,
  campaignId: Id,
): Promise<number> {
  return indexWhere(req, options, { campaign: { equals: campaignId } })
}

/**
 * The whole index from the entries, in one transaction: for a database
 * that had entries before the index existed, or an editor's rebuild.
 */
export async function rebuildIndex(
  payload: Payload,
  options: ResolvedSearchOptions,
): Promise<number> {
  const req = await createLocalReq({}, payload)
  const store = searchStoreOf(payload, { entries: options.entries, votes: options.votesField })
  const started = await initTransaction(req)
  try {
    await store.clear(req)
    const indexed = await indexWhere(req, options, {
      status: { in: [...options.publicStates] },
    })
    if (started) {
      await commitTransaction(req)
    }
    return indexed
  } catch (error) {
    if (started) {
      await killTransaction(req)
    }
    throw error
  }
}
