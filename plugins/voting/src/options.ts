import type { RateLimits, ResolvedVotingOptions, VotingPluginOptions } from './types'

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perVoterPerMinute: 120,
  perSessionPerMinute: 240,
  // High on purpose: a hospital's staff vote from behind one address.
  perIpPerMinute: 20_000,
  codesPerAddressPerHour: 5,
  // A ward or a training room requesting codes at once, from one address.
  codesPerIpPerHour: 200,
  smsPerMinute: 60,
  anonymousVotersPerIpPerDay: 200,
}

export function resolveVotingOptions(options: VotingPluginOptions): ResolvedVotingOptions {
  return {
    entries: options.entries ?? 'entries',
    campaigns: options.campaigns ?? 'campaigns',
    users: options.users ?? 'users',
    boardFields: {
      organization: { field: 'organization', collection: 'organizations', nameField: 'name' },
      province: 'province',
      track: 'track',
      theme: 'theme',
      ...options.boardFields,
    },
    votableStates: options.votableStates,
    rankedStates: options.rankedStates,
    tallyField: options.tallyField ?? 'voteCount',
    votingPhase: options.votingPhase ?? 'voting',
    isEditor: options.isEditor,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    sendSms: options.sendSms,
  }
}
