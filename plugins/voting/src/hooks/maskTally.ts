import type { FieldHook } from 'payload'

import { displayTally } from '../lib/display'
import { votingService } from '../service'
import type { ResolvedVotingOptions } from '../types'

const idOf = (value: unknown): number | string | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'number' || typeof id === 'string' ? id : undefined
}

/**
 * An entry's tally as its campaign's rule shows it to the public — exact,
 * rounded down, or nothing while the display is delayed (the leaderboard
 * alone knows the delayed count) — on every REST and GraphQL read but the
 * committee's. The server's own Local API reads keep the exact number.
 */
export function maskTally(options: ResolvedVotingOptions): FieldHook {
  return async ({ value, data, req }) => {
    if (req.payloadAPI === 'local' || options.isEditor(req.user) || typeof value !== 'number') {
      return value
    }
    const service = votingService(req.payload, options)
    const doc = data as { id?: unknown; campaign?: unknown } | undefined
    // A read with `select` may leave the campaign out; the entry's facts (cached) know it.
    const entryId = idOf(doc?.id)
    const campaignId =
      idOf(doc?.campaign) ??
      (entryId === undefined ? undefined : (await service.entry(String(entryId)))?.campaignId)
    const campaign = campaignId === undefined ? undefined : await service.campaign(campaignId)
    if (!campaign || campaign.display === 'delayed') {
      return null
    }
    return displayTally(value, campaign.display, campaign.roundTo)
  }
}
