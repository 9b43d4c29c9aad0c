import type { CollectionBeforeOperationHook, Where } from 'payload'

import type { ResolvedVotingOptions } from '../types'

function without(where: Where, field: string): Where {
  const out: Where = {}
  for (const [key, condition] of Object.entries(where)) {
    if (key === field) {
      continue
    }
    // Payload reads `AND`/`OR` (GraphQL's spelling) as `and`/`or`.
    const logical = key.toLowerCase() === 'and' || key.toLowerCase() === 'or'
    out[key] =
      logical && Array.isArray(condition)
        ? (condition as Where[]).map((w) => (w && typeof w === 'object' ? without(w, field) : w))
        : condition
  }
  return out
}

/** A sort without the tally (`-voteCount,number` → `number`), as a string or a list. */
function sortWithout(sort: unknown, field: string): unknown {
  const keys = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : undefined
  if (!keys) {
    return sort
  }
  const kept = keys.filter((k) => String(k).trim().replace(/^-/, '') !== field)
  return kept.length === 0 ? undefined : Array.isArray(sort) ? kept : kept.join(',')
}

/**
 * The public sees a tally only as its campaign shows it (maskTally), so it
 * may neither filter nor sort on the exact one: `where[voteCount][equals]=47`
 * would tell a rounded count, and `sort=-voteCount` the live order a delayed
 * campaign hides (its leaderboard counts votes up to the delay only). Both
 * are dropped from every read but the committee's.
 */
export function dropTallyFilters(options: ResolvedVotingOptions): CollectionBeforeOperationHook {
  return ({ args, req }) => {
    if (req.payloadAPI === 'local' || options.isEditor(req.user)) {
      return args
    }
    const { where, sort } = args as { where?: unknown; sort?: unknown }
    return {
      ...args,
      ...(where && typeof where === 'object'
        ? { where: without(where as Where, options.tallyField) }
        : {}),
      ...(sort !== undefined ? { sort: sortWithout(sort, options.tallyField) } : {}),
    }
  }
}
