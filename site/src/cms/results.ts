/** Frozen results: a campaign's newest snapshot (with its body) and the list of all of them. */
import type { ResultSnapshot } from '@exemplar/cms/payload-types'
import type { ResultsBody } from '@exemplar/domain'

import { cached, CACHE_TTL_MS, readKey } from './cache'
import { cms } from './client'

export type SnapshotSummary = Pick<
  ResultSnapshot,
  'id' | 'sequence' | 'sha256' | 'frozenAt' | 'reason'
>

export interface FrozenResults {
  latest: SnapshotSummary & { body: ResultsBody }
  /** Every snapshot of the campaign, newest first (bodies left out). */
  history: SnapshotSummary[]
}

/** The campaign's frozen results, or null before the committee froze any. */
export async function getFrozenResults(campaignId: number): Promise<FrozenResults | null> {
  const history = {
    collection: 'result-snapshots',
    where: { campaign: { equals: campaignId } },
    sort: '-sequence',
    depth: 0,
    limit: 50,
    select: { sequence: true, sha256: true, frozenAt: true, reason: true },
  } as const
  const listed = await cached(readKey(history), CACHE_TTL_MS, () => cms().find(history))
  const newest = listed.docs[0]
  if (!newest) {
    return null
  }
  const one = { collection: 'result-snapshots', id: newest.id, depth: 0 } as const
  const full = await cached(`result-snapshot:${newest.id}`, CACHE_TTL_MS, () => cms().findByID(one))
  return {
    latest: { ...summaryOf(full), body: full.body as unknown as ResultsBody },
    history: listed.docs.map(summaryOf),
  }
}

function summaryOf(doc: Partial<ResultSnapshot> & { id: number }): SnapshotSummary {
  return {
    id: doc.id,
    sequence: doc.sequence ?? 0,
    sha256: doc.sha256 ?? '',
    frozenAt: doc.frozenAt ?? '',
    reason: doc.reason ?? null,
  }
}
