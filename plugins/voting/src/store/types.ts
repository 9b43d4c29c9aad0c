/**
 * The vote hot path talks to the database directly (Payload's API would run
 * hooks, validation and a transaction per vote). One implementation per
 * adapter; both keep the same guarantees: a vote is stored at most once per
 * (voter, entry, day, slot) and per idempotency key, and the entry's tally
 * moves in the same transaction as the vote record.
 */
export type Id = number | string

export interface CastInput {
  entryId: Id
  campaignId: Id
  voterId: Id
  /** Asia/Shanghai day, YYYY-MM-DD. */
  day: string
  idempotencyKey: string | null
  ipHash: string
  deviceHash: string
  session: string
  perEntryPerDay: number
  /** 0 means no cap. */
  dailyCap: number
  at: Date
}

export interface CastOutcome {
  counted: boolean
  /** The entry's tally after this vote (exact). */
  tally: number
  /** Votes this voter has in this campaign today, after this vote. */
  todayCount: number
}

export interface LeaderboardQuery {
  campaignId: Id
  by: 'entry' | 'organization' | 'province'
  track?: string
  themeId?: Id
  limit: number
  rankedStates: readonly string[]
  /** Count only votes cast before this instant (the campaign's delayed display). */
  before?: Date
}

export interface LeaderboardRow {
  key: string
  label: string
  votes: number
  entryId?: Id
  number?: string | null
  organization?: string | null
  province?: string | null
}

export interface SeriesPoint {
  entryId: Id
  hour: string
  votes: number
}

export interface RecountReport {
  checked: number
  /** Entries whose stored tally differed from their vote records, before the fix. */
  fixed: { entryId: Id; stored: number; actual: number }[]
}

export interface IntegrityQuery {
  campaignId: Id
  /** Votes per entry within one minute that count as a burst. */
  burstPerMinute: number
  /** Distinct voters behind one IP or device that count as a cluster. */
  clusterVoters: number
  /** Votes per entry per hour from voters created that hour that count as a spike. */
  newVoterSpike: number
}

export interface IntegrityReport {
  bursts: { entryId: Id; minute: string; votes: number }[]
  ipClusters: { ipHash: string; voters: number; votes: number }[]
  deviceClusters: { deviceHash: string; voters: number; votes: number }[]
  newVoterSpikes: { entryId: Id; hour: string; votes: number }[]
  flagged: number
  voided: number
}

/** One verification attempt taken from a one-time code: what to compare the guess with. */
export interface CodeAttempt {
  id: Id
  codeHash: string
  /** Attempts used on this code, this one included. */
  attempts: number
}

export interface VoteStore {
  /** Casts a batch in one transaction; outcomes in input order. */
  cast(batch: CastInput[]): Promise<CastOutcome[]>
  leaderboard(query: LeaderboardQuery): Promise<LeaderboardRow[]>
  series(campaignId: Id, entryIds: Id[]): Promise<SeriesPoint[]>
  /** Makes every tally equal the count of its non-voided vote records. */
  recount(campaignId?: Id): Promise<RecountReport>
  integrity(query: IntegrityQuery): Promise<IntegrityReport>
  /** Marks the votes behind the report's clusters as flagged; they still count. */
  flag(query: IntegrityQuery): Promise<number>
  /** Voids one vote and takes it off the tally; `false` when it was already void or missing. */
  voidVote(voteId: Id): Promise<boolean>
  /**
   * Takes one attempt from the address's newest unexpired code, atomically in
   * the database, before the guess is compared: concurrent guesses can never
   * use more than `maxAttempts` between them. `null` when there is no such
   * code or it has no attempt left.
   */
  consumeCodeAttempt(
    addressHash: string,
    now: Date,
    maxAttempts: number,
  ): Promise<CodeAttempt | null>
  /** Total non-voided votes per entry, for tests and the recount. */
  countVotes(campaignId?: Id): Promise<Map<string, number>>
  close(): Promise<void>
}
