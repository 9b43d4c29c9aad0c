import type {
  CastInput,
  CastOutcome,
  CodeAttempt,
  Id,
  IntegrityQuery,
  IntegrityReport,
  LeaderboardQuery,
  LeaderboardRow,
  RecountReport,
  SeriesPoint,
  VoteStore,
} from './types'
import type { BoardFields } from '../types'

/* The slice of Mongoose this store uses, typed loosely: the adapter owns the models. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Model = any
interface MongooseAdapterLike {
  collections: Record<string, Model>
  connection: { startSession: () => Promise<any> }
  mongoose: { Types: { ObjectId: new (id: string) => unknown } }
  transactionOptions?: unknown
}

/**
 * MongoDB: the same guarantees through the models Payload's adapter built.
 * The unique indexes on `votes` refuse duplicates; a batch runs in one
 * transaction when the server is a replica set (Payload switches transactions
 * off on a standalone server, and so does this store). Batches are already
 * serialized by the caller, so the per-day counts read inside a batch are
 * not raced by another batch of the same process.
 */
export function mongoVoteStore(
  db: MongooseAdapterLike,
  collections: { entries: string; tally: string; board: BoardFields },
): VoteStore {
  const votes = db.collections.votes
  const entries = db.collections[collections.entries]
  const board = collections.board
  const organizations = board.organization ? db.collections[board.organization.collection] : null
  const orgField = board.organization ? board.organization.field : null
  const orgNameField = board.organization ? board.organization.nameField : 'name'
  const provinceField = board.province || null
  const tally = collections.tally
  const oid = (id: Id) =>
    typeof id === 'string' && /^[a-f0-9]{24}$/i.test(id) ? new db.mongoose.Types.ObjectId(id) : id
  const transactional = db.transactionOptions !== false

  async function inTransaction<T>(work: (session: any) => Promise<T>): Promise<T> {
    if (!transactional) {
      return work(undefined)
    }
    const session = await db.connection.startSession()
    try {
      let result: T | undefined
      await session.withTransaction(async () => {
        result = await work(session)
      })
      return result as T
    } finally {
      await session.endSession()
    }
  }

  return {
    async cast(batch: CastInput[]): Promise<CastOutcome[]> {
      return inTransaction(async (session) => {
        const outcomes: CastOutcome[] = []
        for (const v of batch) {
          const voter = oid(v.voterId)
          const entry = oid(v.entryId)
          const campaign = oid(v.campaignId)
          const forEntry = await votes.countDocuments({ voter, entry, day: v.day }, { session })
          let today = await votes.countDocuments(
            { voter, campaign, day: v.day, state: { $ne: 'voided' } },
            { session },
          )
          let counted = false
          // A replayed idempotency key is a duplicate, whatever entry it names.
          const replay = v.idempotencyKey
            ? await votes
                .exists({ voter, idempotencyKey: v.idempotencyKey })
                .session(session ?? null)
            : null
          if (!replay && forEntry < v.perEntryPerDay && (v.dailyCap === 0 || today < v.dailyCap)) {
            // An upsert, not an insert: inside a transaction a duplicate-key
            // error would abort the whole batch. Two processes racing for the
            // same key meet as a write conflict, which withTransaction retries.
            // MongoDB's unique index treats a missing key as null, so a vote
            // without one gets a key derived from its own unique fields.
            try {
              const result = await votes.updateOne(
                { voter, entry, day: v.day, slot: forEntry },
                {
                  $setOnInsert: {
                    entry,
                    campaign,
                    voter,
                    day: v.day,
                    slot: forEntry,
                    idempotencyKey:
                      v.idempotencyKey ?? `auto:${String(v.entryId)}:${v.day}:${forEntry}`,
                    ipHash: v.ipHash,
                    deviceHash: v.deviceHash,
                    session: v.session,
                    state: 'counted',
                    createdAt: v.at,
                    updatedAt: v.at,
                  },
                },
                { upsert: true, session, timestamps: false },
              )
              counted = (result.upsertedCount ?? 0) > 0
            } catch (error) {
              // Only reachable without transactions (a standalone server).
              if ((error as { code?: number }).code !== 11000) {
                throw error
              }
            }
            if (counted) {
              today += 1
            }
          }
          const doc = counted
            ? await entries.findOneAndUpdate(
                { _id: entry },
                { $inc: { [tally]: 1 } },
                { new: true, session, projection: { [tally]: 1 } },
              )
            : await entries.findOne({ _id: entry }, { [tally]: 1 }, { session })
          outcomes.push({ counted, tally: Number(doc?.[tally] ?? 0), todayCount: today })
        }
        return outcomes
      })
    },

    async leaderboard(q: LeaderboardQuery): Promise<LeaderboardRow[]> {
      const match: Record<string, unknown> = {
        campaign: oid(q.campaignId),
        status: { $in: q.rankedStates },
      }
      if (q.track && board.track) {
        match[board.track] = q.track
      }
      if (q.themeId !== undefined && board.theme) {
        match[board.theme] = oid(q.themeId)
      }
      const projection: Record<string, 1> = { title: 1, number: 1, [tally]: 1 }
      for (const field of [provinceField, orgField]) {
        if (field) {
          projection[field] = 1
        }
      }
      const docs = (await entries.find(match, projection).lean()).map((d: any) => ({
        ...d,
        organization: orgField ? d[orgField] : null,
        province: provinceField ? d[provinceField] : null,
      }))
      let counts: Map<string, number> | undefined
      if (q.before) {
        const rows = await votes.aggregate([
          {
            $match: {
              campaign: oid(q.campaignId),
              state: { $ne: 'voided' },
              createdAt: { $lt: q.before },
            },
          },
          { $group: { _id: '$entry', n: { $sum: 1 } } },
        ])
        counts = new Map(rows.map((r: any) => [String(r._id), r.n]))
      }
      const orgIds: string[] = [
        ...new Set<string>(
          docs
            .map((d: any) => d.organization)
            .filter(Boolean)
            .map(String),
        ),
      ]
      const orgs =
        organizations && orgIds.length > 0
          ? await organizations
              .find({ _id: { $in: orgIds.map(oid) } }, { [orgNameField]: 1 })
              .lean()
          : []
      const orgName = new Map(orgs.map((o: any) => [String(o._id), o[orgNameField] as string]))
      const votesOf = (d: any) =>
        counts ? (counts.get(String(d._id)) ?? 0) : Number(d[tally] ?? 0)
      if (q.by === 'entry') {
        return docs
          .map((d: any) => ({
            key: String(d._id),
            label: String(d.title ?? ''),
            votes: votesOf(d),
            entryId: String(d._id),
            number: d.number ?? null,
            organization: d.organization ? (orgName.get(String(d.organization)) ?? null) : null,
            province: d.province ?? null,
          }))
          .sort(
            (a: LeaderboardRow, b: LeaderboardRow) =>
              b.votes - a.votes || a.key.localeCompare(b.key),
          )
          .slice(0, q.limit)
      }
      const groups = new Map<string, LeaderboardRow>()
      for (const d of docs) {
        const key =
          q.by === 'organization' ? String(d.organization ?? 'none') : String(d.province ?? 'none')
        const label =
          q.by === 'organization' ? (orgName.get(key) ?? '个人作者') : (d.province ?? '未填写')
        const row = groups.get(key) ?? { key, label, votes: 0 }
        row.votes += votesOf(d)
        groups.set(key, row)
      }
      return [...groups.values()]
        .sort((a, b) => b.votes - a.votes || a.label.localeCompare(b.label))
        .slice(0, q.limit)
    },

    async series(campaignId: Id, entryIds: Id[]): Promise<SeriesPoint[]> {
      const rows = await votes.aggregate([
        {
          $match: {
            campaign: oid(campaignId),
            entry: { $in: entryIds.map(oid) },
            state: { $ne: 'voided' },
          },
        },
        {
          $group: {
            _id: {
              entry: '$entry',
              hour: { $dateToString: { format: '%Y-%m-%dT%H', date: '$createdAt' } },
            },
            n: { $sum: 1 },
          },
        },
        { $sort: { '_id.hour': 1 } },
      ])
      return rows.map((r: any) => ({
        entryId: String(r._id.entry),
        hour: `${r._id.hour}:00:00.000Z`,
        votes: r.n,
      }))
    },

    async recount(campaignId?: Id): Promise<RecountReport> {
      const scope = campaignId === undefined ? {} : { campaign: oid(campaignId) }
      const docs = await entries.find(scope, { [tally]: 1 }).lean()
      const counts = await this.countVotes(campaignId)
      const fixed = docs
        .map((d: any) => ({
          entryId: String(d._id),
          stored: Number(d[tally] ?? 0),
          actual: counts.get(String(d._id)) ?? 0,
        }))
        .filter((f: { stored: number; actual: number }) => f.stored !== f.actual)
      for (const f of fixed) {
        await entries.updateOne(
          { _id: oid(f.entryId) },
          {
            $set: {
              [tally]: await votes.countDocuments({
                entry: oid(f.entryId),
                state: { $ne: 'voided' },
              }),
            },
          },
        )
      }
      return { checked: docs.length, fixed }
    },

    async integrity(q: IntegrityQuery): Promise<IntegrityReport> {
      const campaign = oid(q.campaignId)
      const cluster = (field: string) =>
        votes.aggregate([
          { $match: { campaign } },
          { $group: { _id: `$${field}`, voters: { $addToSet: '$voter' }, votes: { $sum: 1 } } },
          { $project: { voters: { $size: '$voters' }, votes: 1 } },
          { $match: { voters: { $gte: q.clusterVoters } } },
          { $sort: { voters: -1 } },
          { $limit: 100 },
        ])
      const [bursts, ips, devices, states] = await Promise.all([
        votes.aggregate([
          { $match: { campaign } },
          {
            $group: {
              _id: {
                entry: '$entry',
                minute: { $dateToString: { format: '%Y-%m-%dT%H:%M', date: '$createdAt' } },
              },
              votes: { $sum: 1 },
            },
          },
          { $match: { votes: { $gte: q.burstPerMinute } } },
          { $sort: { votes: -1 } },
          { $limit: 100 },
        ]),
        cluster('ipHash'),
        cluster('deviceHash'),
        votes.aggregate([{ $match: { campaign } }, { $group: { _id: '$state', n: { $sum: 1 } } }]),
      ])
      const stateCount = (s: string) => states.find((r: any) => r._id === s)?.n ?? 0
      return {
        bursts: bursts.map((r: any) => ({
          entryId: String(r._id.entry),
          minute: r._id.minute,
          votes: r.votes,
        })),
        ipClusters: ips.map((r: any) => ({
          ipHash: String(r._id),
          voters: r.voters,
          votes: r.votes,
        })),
        deviceClusters: devices.map((r: any) => ({
          deviceHash: String(r._id),
          voters: r.voters,
          votes: r.votes,
        })),
        // Needs a join on voters' creation time; the SQLite store computes it, MongoDB reports none yet.
        newVoterSpikes: [],
        flagged: stateCount('flagged'),
        voided: stateCount('voided'),
      }
    },

    async flag(q: IntegrityQuery): Promise<number> {
      const report = await this.integrity(q)
      const devices = report.deviceClusters.map((d) => d.deviceHash)
      const result = await votes.updateMany(
        { campaign: oid(q.campaignId), state: 'counted', deviceHash: { $in: devices } },
        { $set: { state: 'flagged', flagReason: '同一设备多人投票' } },
      )
      return result.modifiedCount ?? 0
    },

    async voidVote(voteId: Id): Promise<boolean> {
      return inTransaction(async (session) => {
        const vote = await votes.findOneAndUpdate(
          { _id: oid(voteId), state: { $ne: 'voided' } },
          { $set: { state: 'voided', updatedAt: new Date() } },
          { session },
        )
        if (!vote) {
          return false
        }
        await entries.updateOne({ _id: vote.entry }, { $inc: { [tally]: -1 } }, { session })
        return true
      })
    },

    async consumeCodeAttempt(
      addressHash: string,
      now: Date,
      maxAttempts: number,
    ): Promise<CodeAttempt | null> {
      const codes = db.collections['vote-codes']
      const newest = await codes
        .findOne({ addressHash, expiresAt: { $gt: now } }, { _id: 1 })
        .sort({ createdAt: -1, _id: -1 })
        .lean()
      if (!newest) {
        return null
      }
      // One conditional $inc: the server applies it atomically, so racing
      // guesses (from any process) take at most maxAttempts between them.
      // Codes are created with attempts 0, never missing.
      const taken = await codes
        .findOneAndUpdate(
          { _id: newest._id, attempts: { $lt: maxAttempts } },
          { $inc: { attempts: 1 } },
          { new: true, projection: { codeHash: 1, attempts: 1 } },
        )
        .lean()
      return taken
        ? {
            id: String(taken._id),
            codeHash: String(taken.codeHash),
            attempts: Number(taken.attempts),
          }
        : null
    },

    async countVotes(campaignId?: Id): Promise<Map<string, number>> {
      const match: Record<string, unknown> = { state: { $ne: 'voided' } }
      if (campaignId !== undefined) {
        match.campaign = oid(campaignId)
      }
      const rows = await votes.aggregate([
        { $match: match },
        { $group: { _id: '$entry', n: { $sum: 1 } } },
      ])
      return new Map(rows.map((r: any) => [String(r._id), r.n as number]))
    },

    async close() {},
  }
}
