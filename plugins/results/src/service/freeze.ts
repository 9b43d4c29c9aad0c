import { createHash } from 'node:crypto'

import { canonicalJson, computeResults, type ResultsBody } from '@exemplar/domain'
import { Refusal } from '@exemplar/http'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import type { ResolvedResultsOptions } from '../types'
import { gatherResults, type CampaignResults, type Doc } from './gather'

/** The longest reason an editor may give for a new snapshot. */
export const REASON_MAX = 1000

/** SHA-256 (hex) of the body's canonical JSON: what the results page shows and anyone can recompute. */
export function resultsHash(body: ResultsBody): string {
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex')
}

/** The results as they would be frozen now, with their hash: nothing is stored. */
export async function previewResults(
  req: PayloadRequest,
  options: ResolvedResultsOptions,
  campaign: CampaignResults,
): Promise<{ body: ResultsBody; sha256: string }> {
  const body = computeResults(await gatherResults(req, options, campaign))
  return { body, sha256: resultsHash(body) }
}

/** The campaign's newest snapshot, or null before the first freeze. */
export async function latestSnapshot(
  req: PayloadRequest,
  options: ResolvedResultsOptions,
  campaignId: CampaignResults['id'],
): Promise<Doc | null> {
  const { docs } = await req.payload.find({
    collection: options.slugs.snapshots,
    where: { campaign: { equals: campaignId } },
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (docs[0] as unknown as Doc | undefined) ?? null
}

export interface FreezeOutcome {
  snapshot: Doc
  /** False when the results equal the newest snapshot's: that one is answered, nothing is written. */
  created: boolean
}

/**
 * Freezes the campaign's results. The same results frozen again give the
 * same hash and no new snapshot; changed results after a first snapshot
 * need a reason. Computed and written in one transaction, and two editors
 * freezing at once cannot both take the next sequence (a unique index on
 * campaign + sequence).
 */
export async function freezeResults(
  req: PayloadRequest,
  options: ResolvedResultsOptions,
  campaign: CampaignResults,
  reason: string,
): Promise<FreezeOutcome> {
  const started = await initTransaction(req)
  try {
    const { body, sha256 } = await previewResults(req, options, campaign)
    const latest = await latestSnapshot(req, options, campaign.id)
    if (latest && latest.sha256 === sha256) {
      if (started) {
        await commitTransaction(req)
      }
      return { snapshot: latest, created: false }
    }
    if (latest && reason === '') {
      throw new Refusal(400, {
        field: 'reason',
        code: 'required',
        message: `结果与第 ${String(latest.sequence)} 版快照不同：重新冻结须填写变更原因（不超过 ${REASON_MAX} 字）`,
        limit: REASON_MAX,
      })
    }
    const snapshot = (await req.payload.create({
      collection: options.slugs.snapshots,
      data: {
        campaign: campaign.id,
        sequence: latest ? Number(latest.sequence) + 1 : 1,
        sha256,
        frozenAt: new Date().toISOString(),
        ...(req.user ? { frozenBy: (req.user as { id: unknown }).id } : {}),
        ...(reason ? { reason } : {}),
        ...(latest ? { previous: latest.id } : {}),
        body,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as Doc
    if (started) {
      await commitTransaction(req)
    }
    return { snapshot, created: true }
  } catch (error) {
    if (started) {
      await killTransaction(req)
    }
    throw error
  }
}
