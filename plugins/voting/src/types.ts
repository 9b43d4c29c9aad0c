import type { CollectionSlug } from 'payload'

/**
 * Options of `votingPlugin`. Which entry states take votes or rank, and who is
 * an editor, belong to the host's workflow and roles: the host says so.
 */
export interface VotingPluginOptions {
  /**
   * Keep the plugin's collections and fields (so the schema never changes
   * under the data) but register no endpoints.
   */
  disabled?: boolean
  /** The collection people vote for; it must have `campaign`, `status` and the tally field. */
  entries?: CollectionSlug
  /** The campaigns collection; its `phases` array (kind, startsAt, endsAt) holds the voting window. */
  campaigns?: CollectionSlug
  /** The host's auth collection: who an audit row names as having acted. */
  users?: CollectionSlug
  /** Entry states in which an entry takes votes (on public display during the vote). */
  votableStates: readonly string[]
  /** Entry states shown on leaderboards. */
  rankedStates: readonly string[]
  /** The entries' fields the leaderboards group and filter by (Exemplar's names by default). */
  boardFields?: Partial<BoardFields>
  /** The number field on entries that holds the tally, kept by the plugin. */
  tallyField?: string
  /** The phase kind in a campaign's timeline that is the voting window. */
  votingPhase?: string
  /** Who may read the integrity report, void votes and run a recount. */
  isEditor: (user: unknown) => boolean
  /** Limits, keyed by voter and session, with only a high ceiling per IP (hospital staff share one). */
  rateLimits?: Partial<RateLimits>
  /** Sends a one-time code by text message: the host's one SMS sender (an outbox, or a provider). */
  sendSms: (to: string, text: string) => Promise<void>
}

/** Where the leaderboards find what they group and filter by; `false` turns that board or filter off. */
export interface BoardFields {
  /** The entries' relationship the organization board groups by, its collection, and the field naming its documents. */
  organization: { field: string; collection: CollectionSlug; nameField: string } | false
  /** The entries' text field the province board groups by. */
  province: string | false
  /** The entries' text field the `track` filter matches. */
  track: string | false
  /** The entries' relationship the `theme` filter matches. */
  theme: string | false
}

export interface RateLimits {
  /** Votes one voter may send per minute. */
  perVoterPerMinute: number
  /** Votes one browser session may send per minute. */
  perSessionPerMinute: number
  /** Ceiling per IP address per minute. */
  perIpPerMinute: number
  /**
   * One-time codes one address may be sent per hour. This and the two limits
   * below count the codes stored in the database, so every CMS process on it
   * agrees.
   */
  codesPerAddressPerHour: number
  /**
   * One-time codes one network (client IP) may request per hour, whatever the
   * addresses: high enough for a hospital's staff behind one address, low
   * enough that one client cannot pump texts.
   */
  codesPerIpPerHour: number
  /** Text messages the whole platform sends per minute: the ceiling on what SMS pumping can cost. */
  smsPerMinute: number
  /**
   * New anonymous voters one network may bring per day. An anonymous voter is
   * derived from the network and the browser, so a client that drops its
   * cookie stays one voter; this caps a client that also varies its browser.
   */
  anonymousVotersPerIpPerDay: number
}

export interface ResolvedVotingOptions {
  entries: CollectionSlug
  campaigns: CollectionSlug
  users: CollectionSlug
  boardFields: BoardFields
  votableStates: readonly string[]
  rankedStates: readonly string[]
  tallyField: string
  votingPhase: string
  isEditor: (user: unknown) => boolean
  rateLimits: RateLimits
  sendSms: (to: string, text: string) => Promise<void>
}
