import { errorBody, problem } from '@exemplar/http'
import type { Payload } from 'payload'

import { encodeBoard, headerRecord, shapeSeries, type CachedBoard, type Stamp } from './boards'
import { BUSY_FRESH_MS, CACHE_CAPS, CACHE_MS } from './cacheCaps'
import { VoteEditing } from './editors'
import { VotingFacts } from './facts'
import { VoterIdentity } from './identity'
import { acceptsGzip } from './lib/acceptsGzip'
import { BodyTooLargeError } from './lib/body'
import { shanghaiDay } from '@exemplar/domain'
import { displayTally } from './lib/display'
import { currentGeneration } from './lib/generation'
import { LruCache } from './lib/lru'
import { memoize } from './lib/memo'
import {
  boardParams,
  isParamError,
  seriesParams,
  unavailableBoard,
  type BoardParams,
} from './lib/params'
import { WindowLimiter } from './lib/rateLimit'
import { refuseVote, type CampaignVoting, type EntryInfo } from './lib/rules'
import { issueVoterToken, verifyVoterToken, type VoterClaim } from './lib/token'
import {
  bad,
  cookie,
  normalizeId,
  refusal,
  sha,
  MAX_TOKEN_LENGTH,
  VOTER_COOKIE,
  VOTER_TOKEN_TTL,
  voterCookie,
  type VotingRequest,
  type VotingResponse,
} from './respond'
import { voteStoreFor } from './store'
import type { CastInput, CastOutcome, Id, VoteStore } from './store/types'
import type { ResolvedVotingOptions } from './types'

export { VOTER_COOKIE, type VotingRequest, type VotingResponse } from './respond'
export type { CachedBoard } from './boards'
export { CACHE_CAPS } from './cacheCaps'

const MAX_BATCH = 256
const COMMIT_DELAY_MS = 1

interface Pending {
  input: CastInput
  resolve: (outcome: CastOutcome) => void
  reject: (error: unknown) => void
}

interface CachedSeries extends Stamp {
  body: unknown
}

/**
 * Everything the voting endpoints do, for one Payload instance: cached
 * campaign and entry facts, the batching writer (votes that arrive together
 * share one transaction: a group commit), cached leaderboards with ETags and
 * series, voter identity (identity.ts), rate limits.
 */
export class VotingService {
  readonly store: VoteStore
  private readonly identity: VoterIdentity
  private readonly editing: VoteEditing
  private readonly facts: VotingFacts
  private queue: Pending[] = []
  private flushing = false
  private scheduled = false
  private version = 0
  private boards = new LruCache<string, CachedBoard>(CACHE_CAPS.boards)
  /** The same boards by exact request URL, so a repeated read needs no parsing and no promise. */
  private boardsByUrl = new LruCache<string, CachedBoard>(CACHE_CAPS.boardsByUrl)
  private seriesCache = new LruCache<string, CachedSeries>(CACHE_CAPS.series)
  private computing = new LruCache<string, Promise<Stamp>>(CACHE_CAPS.computing)
  // Process-local on purpose: per-minute ceilings on the hot path (see the README on two processes).
  private readonly voterLimiter: WindowLimiter
  private readonly sessionLimiter: WindowLimiter
  private readonly ipLimiter: WindowLimiter
  // Pure functions of a string, memoized for the hot path (closures read the secret lazily).
  private readonly checkToken = memoize((token: string) => {
    const claim = verifyVoterToken(this.secret, token, 0)
    return claim ? { ...claim, expiresAt: Number(token.split('.')[2]) * 1000 } : null
  })
  private readonly hashIp = memoize((ip: string) => sha(`${this.secret}:ip:${ip}`))
  private readonly hashDevice = memoize(sha)

  constructor(
    readonly payload: Payload,
    readonly options: ResolvedVotingOptions,
  ) {
    this.store = voteStoreFor(payload, options)
    this.facts = new VotingFacts(payload, options)
    this.identity = new VoterIdentity(payload, options, this.store)
    const votesChanged = () => void (this.version += 1)
    this.editing = new VoteEditing(payload, options, this.store, this.campaignBySlug, votesChanged)
    const limits = options.rateLimits
    this.voterLimiter = new WindowLimiter(limits.perVoterPerMinute, 60_000)
    this.sessionLimiter = new WindowLimiter(limits.perSessionPerMinute, 60_000)
    this.ipLimiter = new WindowLimiter(limits.perIpPerMinute, 60_000)
  }

  private get secret(): string {
    return this.payload.secret
  }

  /** How many keys each client-keyed cache holds now: for tests and monitoring. */
  cacheSizes(): Record<keyof typeof CACHE_CAPS, number> {
    return {
      ...this.facts.sizes(),
      boards: this.boards.size,
      boardsByUrl: this.boardsByUrl.size,
      series: this.seriesCache.size,
      computing: this.computing.size,
    }
  }

  // ---- cached facts -------------------------------------------------------

  /** The entry's voting facts, cached; concurrent misses share one lookup. */
  entry(key: string): Promise<EntryInfo | undefined> {
    return this.facts.entry(key)
  }

  /** The campaign's voting rule, cached like entries. */
  campaign(id: Id): Promise<CampaignVoting | undefined> {
    return this.facts.campaign(id)
  }

  private campaignBySlug = (slug: string) => this.facts.campaignBySlug(slug)

  // ---- the vote hot path --------------------------------------------------

  private enqueue(input: CastInput): Promise<CastOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject })
      if (!this.flushing && !this.scheduled) {
        this.scheduled = true
        // Group commit: wait a millisecond for the votes arriving alongside.
        // A commit costs ~40 µs whatever it holds; flushing on the next tick
        // committed 1–2 votes at a time under load.
        setTimeout(() => void this.flush(), COMMIT_DELAY_MS)
      }
    })
  }

  private async flush(): Promise<void> {
    this.scheduled = false
    if (this.flushing || this.queue.length === 0) {
      return
    }
    this.flushing = true
    const batch = this.queue.splice(0, MAX_BATCH)
    try {
      const outcomes = await this.store.cast(batch.map((p) => p.input))
      if (outcomes.some((o) => o.counted)) {
        this.version += 1
      }
      batch.forEach((p, i) => p.resolve(outcomes[i]!))
    } catch (error) {
      batch.forEach((p) => p.reject(error))
    } finally {
      this.flushing = false
      if (this.queue.length > 0) {
        this.scheduled = true
        setImmediate(() => void this.flush())
      }
    }
  }

  private voterOf(req: VotingRequest): VoterClaim | null {
    const auth = req.header('authorization')
    const bearer = auth?.startsWith('Voter ') ? auth.slice(6).trim() : undefined
    const token = bearer ?? cookie(req.header('cookie'), VOTER_COOKIE)
    const claim = token && token.length <= MAX_TOKEN_LENGTH ? this.checkToken(token) : null
    return claim && claim.expiresAt >= Date.now()
      ? { voterId: claim.voterId, anonymous: claim.anonymous }
      : null
  }

  async vote(req: VotingRequest): Promise<VotingResponse> {
    const now = Date.now()
    const ipHash = this.hashIp(req.ip)
    if (!this.ipLimiter.hit(ipHash, now)) {
      return refusal({
        status: 429,
        code: 'rate_limited',
        error: '该网络投票过于频繁，请稍后再试。',
        retryAfter: this.ipLimiter.retryAfter(now),
      })
    }
    let body: { entry?: unknown; idempotencyKey?: unknown }
    try {
      body = ((await req.json()) ?? {}) as typeof body
    } catch (error) {
      // An oversized body is the server's 413 (the fast path answers it), not a malformed one.
      if (error instanceof BodyTooLargeError) {
        throw error
      }
      return bad(400, 'invalid_body', '请求格式错误：需要 JSON，例如 {"entry": "作品编号"}。')
    }
    const entryKey =
      typeof body.entry === 'string' || typeof body.entry === 'number'
        ? String(body.entry).trim()
        : ''
    if (!entryKey || entryKey.length > 64) {
      return bad(400, 'invalid_entry', '请指定要投票的作品（entry：作品编号或 ID）。')
    }
    const idempotencyKey =
      typeof body.idempotencyKey === 'string' && /^[\w-]{8,80}$/.test(body.idempotencyKey)
        ? body.idempotencyKey
        : null

    const entry = await this.entry(entryKey)
    const campaign = entry ? await this.campaign(entry.campaignId) : undefined
    const refused = refuseVote(entry, campaign, this.options.votableStates, now)
    if (refused) {
      return refusal(refused)
    }

    const deviceHash = this.hashDevice(
      `${req.header('user-agent') ?? ''}|${req.header('accept-language') ?? ''}`,
    )
    const headers: Record<string, string> = {}
    const claim = this.voterOf(req)
    let voterId = claim?.voterId
    let anonymous = claim?.anonymous ?? false
    if (!voterId) {
      if (!campaign!.anonymous.enabled) {
        return bad(401, 'voter_required', '请先验证身份（邮箱或手机验证码）后再投票。')
      }
      // The same client without its cookie is the same anonymous voter again.
      const found = await this.identity.anonymousVoter(ipHash, deviceHash)
      if ('refused' in found) {
        return found.refused
      }
      voterId = String(found.voter.id)
      headers['set-cookie'] = voterCookie(
        issueVoterToken(this.secret, voterId, VOTER_TOKEN_TTL, now, true),
      )
      anonymous = true
    }
    // Only a real browser session is limited as one: many people share an address and a browser build.
    const session = cookie(req.header('cookie'), 'exemplar-session') ?? ''
    if (
      !this.voterLimiter.hit(voterId, now) ||
      (session !== '' && session.length <= 128 && !this.sessionLimiter.hit(session, now))
    ) {
      return refusal({
        status: 429,
        code: 'rate_limited',
        error: '投票过于频繁，请稍后再试。',
        retryAfter: this.voterLimiter.retryAfter(now),
      })
    }

    if (anonymous && !campaign!.anonymous.enabled) {
      return bad(401, 'voter_required', '该活动需验证身份（邮箱或手机验证码）后才能投票。')
    }
    const dailyCap = anonymous ? campaign!.anonymous.dailyCap : campaign!.dailyCap
    const outcome = await this.enqueue({
      entryId: entry!.id,
      campaignId: campaign!.id,
      voterId: normalizeId(voterId),
      day: shanghaiDay(new Date(now)),
      idempotencyKey,
      ipHash,
      deviceHash,
      session: session.slice(0, 128),
      perEntryPerDay: campaign!.perEntryPerDay,
      dailyCap,
      at: new Date(now),
    })
    if (!outcome.counted && dailyCap > 0 && outcome.todayCount >= dailyCap) {
      return {
        status: 409,
        headers,
        body: errorBody(
          problem(
            'daily_cap_reached',
            `今日投票次数已达上限（每人每天 ${dailyCap} 票），请明天再来。`,
          ),
        ),
      }
    }
    return {
      status: 200,
      headers,
      body: {
        counted: outcome.counted,
        duplicate: !outcome.counted,
        tally:
          campaign!.display === 'delayed'
            ? null
            : displayTally(outcome.tally, campaign!.display, campaign!.roundTo),
        remainingToday: dailyCap > 0 ? Math.max(0, dailyCap - outcome.todayCount) : null,
      },
    }
  }

  // ---- leaderboards and series --------------------------------------------

  private stamp(): Stamp {
    return { version: this.version, generation: currentGeneration(), at: Date.now() }
  }

  /**
   * Whether a cached answer derived from votes may still be served: at most
   * a second old while votes keep arriving, or current (no vote counted, no
   * entry or campaign edited in this process since) and at most CACHE_MS old.
   */
  private isFresh(cached: Stamp): boolean {
    const age = Date.now() - cached.at
    return (
      age < BUSY_FRESH_MS ||
      (cached.version === this.version &&
        cached.generation === currentGeneration() &&
        age < CACHE_MS)
    )
  }

  /** The fresh cached answer for `key`, or a new one; concurrent misses share one computation. */
  private async cachedAnswer<T extends Stamp>(
    cache: LruCache<string, T>,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    const hit = cache.get(key)
    if (hit && this.isFresh(hit)) {
      return hit
    }
    let pending = this.computing.get(key) as Promise<T> | undefined
    if (!pending) {
      const started: Promise<T> = compute().finally(() => {
        if (this.computing.get(key) === started) {
          this.computing.delete(key)
        }
      })
      pending = started
      this.computing.set(key, started)
    }
    const value = await pending
    cache.set(key, value)
    return value
  }

  /**
   * The cached board for this exact leaderboard URL while it is fresh, or
   * `undefined`: the fast path answers most reads of a busy board from here,
   * synchronously, and sends everything else through `leaderboard`.
   */
  freshBoardByUrl(url: string): CachedBoard | undefined {
    const board = this.boardsByUrl.get(url)
    return board && this.isFresh(board) ? board : undefined
  }

  async leaderboard(req: VotingRequest): Promise<VotingResponse> {
    const params = boardParams(req.query)
    if (isParamError(params)) {
      return bad(400, params.code, params.error)
    }
    const { slug, by, track, theme, limit } = params
    const unavailable = unavailableBoard(this.options.boardFields, params)
    if (unavailable) {
      return bad(400, unavailable.code, unavailable.error)
    }
    let board: CachedBoard
    try {
      board = await this.cachedAnswer(
        this.boards,
        `board:${slug}|${by}|${track ?? ''}|${theme ?? ''}|${limit}`,
        () => this.computeBoard(params),
      )
    } catch (error) {
      if ((error as { code?: string }).code === 'campaign_not_found') {
        return bad(404, 'campaign_not_found', `找不到征集活动“${slug}”。`)
      }
      throw error
    }
    // Only URLs of a sane length are remembered; the board itself is cached either way.
    if (req.url !== undefined && req.url.length <= 512) {
      this.boardsByUrl.set(req.url, board)
    }
    if (req.header('if-none-match') === board.etag) {
      return { status: 304, headers: headerRecord(board.head.notModified) }
    }
    // Every browser accepts gzip; a 50-row board shrinks to about a fifth.
    return acceptsGzip(req.header('accept-encoding'))
      ? { status: 200, headers: headerRecord(board.head.gzip), bytes: board.gzip }
      : { status: 200, headers: headerRecord(board.head.plain), bytes: board.bytes }
  }

  private async computeBoard(params: BoardParams): Promise<CachedBoard> {
    const stamp = this.stamp()
    const campaign = await this.campaignBySlug(params.slug)
    if (!campaign) {
      throw Object.assign(new Error('campaign not found'), { code: 'campaign_not_found' })
    }
    const rows = await this.store.leaderboard({
      campaignId: campaign.id,
      by: params.by,
      track: params.track,
      themeId: params.theme ? normalizeId(params.theme) : undefined,
      limit: params.limit,
      rankedStates: this.options.rankedStates,
      before:
        campaign.display === 'delayed'
          ? new Date(Date.now() - campaign.delayMinutes * 60_000)
          : undefined,
    })
    return encodeBoard(campaign, params.by, rows, stamp)
  }

  /**
   * Hourly cumulative votes of the top entries. Cached per campaign and size
   * and invalidated as boards are: the SQL behind it reads every vote of the
   * campaign, on the main thread.
   */
  async series(req: VotingRequest): Promise<VotingResponse> {
    const params = seriesParams(req.query)
    if (isParamError(params)) {
      return bad(400, params.code, params.error)
    }
    const campaign = await this.campaignBySlug(params.slug)
    if (!campaign) {
      return bad(404, 'campaign_not_found', '找不到该征集活动。')
    }
    const cached = await this.cachedAnswer(
      this.seriesCache,
      `series:${String(campaign.id)}|${params.top}`,
      () => this.computeSeries(campaign, params.top),
    )
    return { status: 200, headers: { 'cache-control': 'public, max-age=30' }, body: cached.body }
  }

  private async computeSeries(campaign: CampaignVoting, top: number): Promise<CachedSeries> {
    const stamp = this.stamp()
    // The series shows no more than the board does: a delayed campaign's
    // hours before the cut-off only, a rounded campaign's counts rounded.
    const cutoff =
      campaign.display === 'delayed' ? stamp.at - campaign.delayMinutes * 60_000 : undefined
    const rows = await this.store.leaderboard({
      campaignId: campaign.id,
      by: 'entry',
      limit: top,
      rankedStates: this.options.rankedStates,
      before: cutoff === undefined ? undefined : new Date(cutoff),
    })
    const points = await this.store.series(
      campaign.id,
      rows.map((r) => r.entryId!),
    )
    return { ...stamp, body: { series: shapeSeries(campaign, rows, points, cutoff) } }
  }

  // ---- voter identity -----------------------------------------------------

  requestCode(req: VotingRequest): Promise<VotingResponse> {
    return this.identity.requestCode(req, this.hashIp(req.ip))
  }

  verifyCode(req: VotingRequest): Promise<VotingResponse> {
    return this.identity.verifyCode(req)
  }

  me(req: VotingRequest): Promise<VotingResponse> {
    return this.identity.me(this.voterOf(req)?.voterId)
  }

  // ---- editors (editors.ts) ---------------------------------------------------

  integrity = (req: VotingRequest) => this.editing.integrity(req)
  flag = (req: VotingRequest) => this.editing.flag(req)
  voidVote = (req: VotingRequest, voteId: string) => this.editing.voidVote(req, voteId)
  recount = (req: VotingRequest) => this.editing.recount(req)
}

const services = new WeakMap<Payload, VotingService>()

/** The service of one Payload instance, made on first use. */
export function votingService(payload: Payload, options: ResolvedVotingOptions): VotingService {
  let service = services.get(payload)
  if (!service) {
    service = new VotingService(payload, options)
    services.set(payload, service)
  }
  return service
}
