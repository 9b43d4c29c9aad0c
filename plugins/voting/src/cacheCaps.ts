/**
 * How long and how much the voting caches keep. Edits in this process
 * invalidate at once (lib/generation) and votes counted here bump the
 * service's version; the time limit covers edits made, and votes cast, by
 * another process on the same database.
 */
export const CACHE_MS = 30_000
/** While votes keep arriving, a board or series may be this old ("fresh within a few seconds"). */
export const BUSY_FRESH_MS = 1_000

/**
 * Size caps of the caches keyed by what clients send. Each is an LRU: a
 * client inventing keys (unknown entry numbers, slugs, query strings) evicts
 * old keys and never grows the process past these.
 */
export const CACHE_CAPS = {
  /** Entry facts by id or number: every entry of the campaigns in voting, twice over. */
  entries: 20_000,
  /** Campaign rules by id. */
  campaigns: 1_000,
  /** Campaigns by slug (leaderboard and report URLs). */
  slugs: 1_000,
  /** Leaderboards by their checked parameters. */
  boards: 2_000,
  /** The same boards by exact request URL, for the fast path. */
  boardsByUrl: 1_000,
  /** Hourly series by campaign and size. */
  series: 1_000,
  /** Boards and series being computed, shared by concurrent misses. */
  computing: 1_000,
} as const
