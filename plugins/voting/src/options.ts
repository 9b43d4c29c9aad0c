import type { ResolvedVotingOptions, VotingPluginOptions } from './types'

export const DEFAULT_RATE_LIMITS = {
  perVoterPerMinute: 120,
  perSessionPerMinute: 240,
  // High on purpose: a hospital's staff vote from behind one address.
  perIpPerMinute: 20_000,
  codesPerAddressPerHour: 5,
}

export function resolveVotingOptions(options: VotingPluginOptions): ResolvedVotingOptions {
  return {
    entries: options.entries ?? 'entries',
    campaigns: options.campaigns ?? 'campaigns',
    votableStates: options.votableStates,
    rankedStates: options.rankedStates,
    tallyField: options.tallyField ?? 'voteCount',
    votingPhase: options.votingPhase ?? 'voting',
    isEditor: options.isEditor,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    sendSms: options.sendSms,
  }
}
