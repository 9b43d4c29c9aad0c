import fs from 'node:fs'
import path from 'node:path'

import type { ResolvedVotingOptions, VotingPluginOptions } from './types'

export const DEFAULT_RATE_LIMITS = {
  perVoterPerMinute: 120,
  perSessionPerMinute: 240,
  // High on purpose: a hospital's staff vote from behind one address.
  perIpPerMinute: 20_000,
  codesPerAddressPerHour: 5,
}

function outboxSms(dir: string) {
  return async (to: string, text: string) => {
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(
      dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-sms-${to.slice(-4)}.txt`,
    )
    fs.writeFileSync(file, `To: ${to}\n\n${text}\n`)
    console.info(`[sms] outbox ${to.slice(0, 3)}****${to.slice(-4)} → ${file}`)
  }
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
    sendSms:
      options.sendSms ??
      outboxSms(
        options.smsOutboxDir ??
          path.join(process.env.EXEMPLAR_DATA_DIR ?? path.resolve('data'), 'outbox'),
      ),
  }
}
