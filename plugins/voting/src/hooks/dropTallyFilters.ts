import type { CollectionBeforeOperationHook, Where } from 'payload'

import type { ResolvedVotingOptions } from '../types'

function without(where: Where, field: string): Where {
  const out: Where = {}
  for (const [key, condition] of Object.entries(where)) {
    if (key === field) {
      continue
    }
    out[key] =
      (key === 'and' || key === 'or') && Array.isArray(condition)
        ? (condition as Where[]).map((w) => (w && typeof w === 'object' ? without(w, field) : w))
        : condition
  }
  return out
}

/**
 * The public sees a tally only as its campaign shows it (maskTally), so it
 * may not filter on the exact one either: `where[voteCount][equals]=47`
 * would tell a rounded or delayed count. Such conditions are dropped from
 * every read but the committee's; sorting by votes stays (the leaderboard
 * shows the order anyway).
 */
export function dropTallyFilters(options: ResolvedVotingOptions): CollectionBeforeOperationHook {
  return ({ args, req }) => {
    const where = (args as { where?: unknown }).where
    if (
      req.payloadAPI === 'local' ||
      options.isEditor(req.user) ||
      !where ||
      typeof where !== 'object'
    ) {
      return args
    }
    return { ...args, where: without(where as Where, options.tallyField) }
  }
}
