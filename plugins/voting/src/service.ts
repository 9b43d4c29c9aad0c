import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { gzipSync } from 'node:zlib'

import type { Payload } from 'payload'

import { hashAddress, maskAddress, normalizeAddress, type VoterChannel } from './lib/address'
import { acceptsGzip } from './lib/acceptsGzip'
import { shanghaiDay } from './lib/day'
import { displayTally, type TallyDisplay } from './lib/display'
import { currentGeneration } from './lib/generation'
import { memoize } from './lib/memo'
import { WindowLimiter } from './lib/rateLimit'
import { refuseVote, type CampaignVoting, type EntryInfo, type Refusal } from './lib/rules'
import { issueVoterToken, verifyVoterToken, type VoterClaim } from './lib/token'
import { mongoVoteStore } from './store/mongo'
import { sqliteVoteStore } from './store/sqlite'
import type { CastInput, CastOutcome, Id, LeaderboardRow, VoteStore } from './store/types'
import type { ResolvedVotingOptions } from './types'

/** A request as the handlers need it, whichever server delivered it. */
export interface VotingRequest {
  method: string
  path: string
  query: URLSearchParams
  header: (name: string) => string | undefined
  ip: string
  json: () => Promise<unknown>
  user?: unknown
  /** The request's path and query as sent, the key of the fast path's per-URL board cache. */
  url?: string
}

export interface VotingResponse {
  status: number
  headers?: Record<string, string>
  body?: unknown
  /** A body already encoded to bytes (cached leaderboards, possibly gzipped). */
  bytes?: Buffer
}

export const VOTER_COOKIE = 'exemplar-voter'
const VOTER_TOKEN_TTL = 30 * 24 * 3600
// Edits in this process invalidate at once (lib/generation); the time limit
// covers edits made by another process on the same database.
const CACHE_MS = 30_000
const CODE_TTL_MS = 10 * 60_000
const MAX_CODE_ATTEMPTS = 5
const MAX_BATCH = 256
const COMMIT_DELAY_MS = 1

function cookie(header: string | undefined, name: string): string | undefined {
  if (!header) {
    return undefined
  }
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) {
      return decodeURIComponent(v.join('='))
    }
  }
  return undefined
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32)
const refusal = (r: Refusal): VotingResponse => ({
  status: r.status,
  headers: r.retryAfter ? { 'retry-after': String(r.retryAfter) } : undefined,
  body: { error: r.error, code: r.code, ...(r.retryAfter ? { retryAfter: r.retryAfter } : {}) },
})
const bad = (status: 400 | 401 | 403 | 404, code: string, error: string): VotingResponse => ({
  status,
  body: { error, code },
})

/** SQLite ids are integers; a token carries them as text. */
function normalizeId(id: string | number): Id {
  return typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
}

interface Pending {
  input: CastInput
  resolve: (outcome: CastOutcome) => void
  reject: (error: unknown) => void
}

interface Cached<T> {
  at: number
  generation: number
  value: Promise<T>
}

/**
 * A cached lookup: valid while no entry or campaign was edited in this
 * process (lib/generation) and for at most CACHE_MS; concurrent misses share
 * one promise, and a failed lookup is forgotten.
 */
function cachedLookup<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>) {
  const now = Date.now()
  const generation = currentGeneration()
  const hit = cache.get(key)
  if (hit && hit.generation === generation && now - hit.at < CACHE_MS) {
    return hit.value
  }
  const value = load()
  cache.set(key, { at: now, generation, value })
  value.catch(() => cache.delete(key))
  return value
}

interface CachedBoard {
  version: number
  at: number
  etag: string
  /** UTF-8 and gzip bodies, encoded once per board rather than once per read. */
  bytes: Buffer
  gzip: Buffer
  /** Response headers as flat name/value lists, built once per board for the fast path. */
  head: { plain: string[]; gzip: string[]; notModified: string[] }
}

/** A flat name/value header list as a record, for the Payload endpoint's Response. */
function headerRecord(flat: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) {
    out[flat[i]!] = flat[i + 1]!
  }
  return out
}

/** How many distinct leaderboard URLs the fast path remembers before it starts over. */
const MAX_BOARD_URLS = 1_000

/**
 * Everything the voting endpoints do, for one Payload instance: cached
 * campaign and entry facts, the batching writer (votes that arrive together
 * share one transaction: a group commit), cached leaderboards with ETags,
 * voter codes and tokens, rate limits.
 */
export class VotingService {
  readonly store: VoteStore
  private entries = new Map<string, Cached<EntryInfo | undefined>>()
  private campaigns = new Map<string, Cached<CampaignVoting | undefined>>()
  private slugs = new Map<string, Cached<CampaignVoting | undefined>>()
  private queue: Pending[] = []
  private flushing = false
  private scheduled = false
  private version = 0
  private boards = new Map<string, CachedBoard>()
  /** The same boards by exact request URL, so a repeated read needs no parsing and no promise. */
  private boardsByUrl = new Map<string, CachedBoard>()
  private computing = new Map<string, Promise<CachedBoard>>()
  private readonly voterLimiter: WindowLimiter
  private readonly sessionLimiter: WindowLimiter
  private readonly ipLimiter: WindowLimiter
  private readonly codeLimiter: WindowLimiter
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
    const db = payload.db as unknown as { name?: string; clientConfig?: { url: string } }
    this.store =
      db.name === 'sqlite' && db.clientConfig
        ? sqliteVoteStore(db.clientConfig.url, {
            entries: options.entries,
            campaigns: options.campaigns,
            tally: options.tallyField,
          })
        : mongoVoteStore(payload.db as never, {
            entries: options.entries,
            tally: options.tallyField,
          })
    const limits = options.rateLimits
    this.voterLimiter = new WindowLimiter(limits.perVoterPerMinute, 60_000)
    this.sessionLimiter = new WindowLimiter(limits.perSessionPerMinute, 60_000)
    this.ipLimiter = new WindowLimiter(limits.perIpPerMinute, 60_000)
    this.codeLimiter = new WindowLimiter(limits.codesPerAddressPerHour, 3_600_000)
  }

  private get secret(): string {
    return this.payload.secret
  }

  // ---- cached facts -------------------------------------------------------

  /** The entry's voting facts, cached; concurrent misses share one lookup. */
  entry(key: string): Promise<EntryInfo | undefined> {
    return cachedLookup(this.entries, key, () => this.loadEntry(key))
  }

  private async loadEntry(key: string): Promise<EntryInfo | undefined> {
    const byNumber = !/^\d+$/.test(key) && !/^[a-f0-9]{24}$/i.test(key)
    const { docs } = await this.payload.find({
      collection: this.options.entries,
      where: byNumber ? { number: { equals: key } } : { id: { equals: normalizeId(key) } },
      depth: 0,
      limit: 1,
      pagination: false,
      select: { number: true, title: true, campaign: true, status: true } as never,
    })
    const doc = docs[0] as unknown as
      { id: Id; number?: string; title?: string; campaign: Id; status: string } | undefined
    const info = doc
      ? {
          id: doc.id,
          number: doc.number ?? null,
          title: doc.title ?? '',
          campaignId: doc.campaign,
          status: doc.status,
        }
      : undefined
    return info
  }

  /** The campaign's voting rule, cached like entries. */
  campaign(id: Id): Promise<CampaignVoting | undefined> {
    return cachedLookup(this.campaigns, String(id), () => this.loadCampaign(id))
  }

  private async loadCampaign(id: Id): Promise<CampaignVoting | undefined> {
    const doc = (await this.payload.findByID({
      collection: this.options.campaigns,
      id,
      depth: 0,
      disableErrors: true,
    })) as unknown as {
      id: Id
      slug: string
      title: string
      phases?: { kind: string; startsAt: string; endsAt: string }[]
      voting?: {
        perEntryPerDay?: number | null
        dailyCap?: number | null
        allowAnonymous?: boolean | null
        anonymousDailyCap?: number | null
        display?: TallyDisplay | null
        roundTo?: number | null
        delayMinutes?: number | null
      }
      _status?: string
    } | null
    const voting: CampaignVoting | undefined =
      doc && doc._status !== 'draft'
        ? {
            id: doc.id,
            slug: doc.slug,
            title: doc.title,
            windows: (doc.phases ?? [])
              .filter((p) => p.kind === this.options.votingPhase)
              .map((p) => ({ startsAt: Date.parse(p.startsAt), endsAt: Date.parse(p.endsAt) }))
              .sort((a, b) => a.startsAt - b.startsAt),
            perEntryPerDay: doc.voting?.perEntryPerDay || 1,
            dailyCap: doc.voting?.dailyCap ?? 0,
            anonymous: {
              enabled: Boolean(doc.voting?.allowAnonymous),
              dailyCap: doc.voting?.anonymousDailyCap ?? 3,
            },
            display: doc.voting?.display ?? 'exact',
            roundTo: doc.voting?.roundTo ?? 10,
            delayMinutes: doc.voting?.delayMinutes ?? 60,
          }
        : undefined
    return voting
  }

  /** The campaign named in a leaderboard or report URL, cached like entries (one lookup a second per board otherwise). */
  private campaignBySlug(slug: string): Promise<CampaignVoting | undefined> {
    return cachedLookup(this.slugs, slug, async () => {
      const { docs } = await this.payload.find({
        collection: this.options.campaigns,
        where: { slug: { equals: slug } },
        depth: 0,
        limit: 1,
        pagination: false,
        select: { slug: true } as never,
      })
      const found = docs[0] as unknown as { id: Id } | undefined
      return found ? this.campaign(found.id) : undefined
    })
  }

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
    const claim = token ? this.checkToken(token) : null
    return claim && claim.expiresAt >= Date.now()
      ? { voterId: claim.voterId, anonymous: claim.anonymous }
      : null
  }

  private voterCookie(token: string): string {
    const secure =
      process.env.NODE_ENV === 'production' && !process.env.EXEMPLAR_INSECURE_COOKIES
        ? '; Secure'
        : ''
    return `${VOTER_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${VOTER_TOKEN_TTL}${secure}`
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
    } catch {
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

    const headers: Record<string, string> = {}
    const claim = this.voterOf(req)
    let voterId = claim?.voterId
    let anonymous = claim?.anonymous ?? false
    if (!voterId) {
      if (!campaign!.anonymous.enabled) {
        return bad(401, 'voter_required', '请先验证身份（邮箱或手机验证码）后再投票。')
      }
      const voter = await this.payload.create({
        collection: 'voters',
        data: {
          channel: 'anonymous',
          addressHash: `anon:${randomBytes(16).toString('hex')}`,
          masked: '匿名',
        } as never,
        depth: 0,
      })
      voterId = String(voter.id)
      headers['set-cookie'] = this.voterCookie(
        issueVoterToken(this.secret, voterId, VOTER_TOKEN_TTL, now, true),
      )
      anonymous = true
    }
    // Only a real browser session is limited as one: many people share an address and a browser build.
    const session = cookie(req.header('cookie'), 'exemplar-session') ?? ''
    if (
      !this.voterLimiter.hit(voterId, now) ||
      (session !== '' && !this.sessionLimiter.hit(session, now))
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
      deviceHash: this.hashDevice(
        `${req.header('user-agent') ?? ''}|${req.header('accept-language') ?? ''}`,
      ),
      session,
      perEntryPerDay: campaign!.perEntryPerDay,
      dailyCap,
      at: new Date(now),
    })
    if (!outcome.counted && dailyCap > 0 && outcome.todayCount >= dailyCap) {
      return {
        status: 409,
        headers,
        body: {
          error: `今日投票次数已达上限（每人每天 ${dailyCap} 票），请明天再来。`,
          code: 'daily_cap_reached',
        },
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

  // ---- leaderboards -------------------------------------------------------

  /**
   * The cached board for this exact leaderboard URL while it is fresh, or
   * `undefined`: the fast path answers most reads of a busy board from here,
   * synchronously, and sends everything else through `leaderboard`.
   */
  freshBoardByUrl(url: string): CachedBoard | undefined {
    const board = this.boardsByUrl.get(url)
    return board && this.isFresh(board) ? board : undefined
  }

  /** Current, or at most a second old while votes keep arriving ("fresh within a few seconds"). */
  private isFresh(board: CachedBoard): boolean {
    return board.version === this.version || Date.now() - board.at < 1_000
  }

  async leaderboard(req: VotingRequest): Promise<VotingResponse> {
    const slug = req.query.get('campaign') ?? ''
    const byParam = req.query.get('by') ?? 'entry'
    if (!['entry', 'organization', 'province'].includes(byParam)) {
      return bad(400, 'invalid_by', '排行方式（by）只能是 entry、organization 或 province。')
    }
    const by = byParam as 'entry' | 'organization' | 'province'
    const track = req.query.get('track') ?? undefined
    const theme = req.query.get('theme') ?? undefined
    const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 50) || 50, 1), 200)
    const key = `${slug}|${by}|${track ?? ''}|${theme ?? ''}|${limit}`

    let board = this.boards.get(key)
    if (!board || !this.isFresh(board)) {
      let pending = this.computing.get(key)
      if (!pending) {
        pending = this.computeBoard(slug, by, track, theme, limit).finally(() =>
          this.computing.delete(key),
        )
        this.computing.set(key, pending)
      }
      try {
        board = await pending
      } catch (error) {
        if ((error as { code?: string }).code === 'campaign_not_found') {
          return bad(404, 'campaign_not_found', `找不到征集活动“${slug}”。`)
        }
        throw error
      }
      this.boards.set(key, board)
    }
    if (req.url !== undefined) {
      if (this.boardsByUrl.size >= MAX_BOARD_URLS) {
        this.boardsByUrl.clear()
      }
      this.boardsByUrl.set(req.url, board!)
    }
    if (req.header('if-none-match') === board!.etag) {
      return { status: 304, headers: headerRecord(board!.head.notModified) }
    }
    // Every browser accepts gzip; a 50-row board shrinks to about a fifth.
    return acceptsGzip(req.header('accept-encoding'))
      ? { status: 200, headers: headerRecord(board!.head.gzip), bytes: board!.gzip }
      : { status: 200, headers: headerRecord(board!.head.plain), bytes: board!.bytes }
  }

  private async computeBoard(
    slug: string,
    by: 'entry' | 'organization' | 'province',
    track: string | undefined,
    theme: string | undefined,
    limit: number,
  ): Promise<CachedBoard> {
    const version = this.version
    const campaign = await this.campaignBySlug(slug)
    if (!campaign) {
      throw Object.assign(new Error('campaign not found'), { code: 'campaign_not_found' })
    }
    const before =
      campaign.display === 'delayed'
        ? new Date(Date.now() - campaign.delayMinutes * 60_000)
        : undefined
    const rows = await this.store.leaderboard({
      campaignId: campaign.id,
      by,
      track,
      themeId: theme ? normalizeId(theme) : undefined,
      limit,
      rankedStates: this.options.rankedStates,
      before,
    })
    let rank = 0
    let previous: number | undefined
    const ranked = rows.map((row: LeaderboardRow, i) => {
      // Equal counts share a rank (1, 2, 2, 4).
      if (row.votes !== previous) {
        rank = i + 1
        previous = row.votes
      }
      return { rank, ...row, votes: displayTally(row.votes, campaign.display, campaign.roundTo) }
    })
    const raw = JSON.stringify({
      campaign: { slug: campaign.slug, title: campaign.title },
      by,
      display: campaign.display,
      generatedAt: new Date().toISOString(),
      rows: ranked,
    })
    const etag = `"${sha(raw.replace(/"generatedAt":"[^"]*",/, ''))}"`
    const bytes = Buffer.from(raw, 'utf8')
    const gzip = gzipSync(raw)
    const notModified = [
      'etag',
      etag,
      'cache-control',
      'public, max-age=2',
      'vary',
      'Accept-Encoding',
    ]
    const json = ['content-type', 'application/json; charset=utf-8']
    return {
      version,
      at: Date.now(),
      etag,
      bytes,
      gzip,
      head: {
        notModified,
        plain: [...notModified, ...json, 'content-length', String(bytes.length)],
        gzip: [
          ...notModified,
          ...json,
          'content-encoding',
          'gzip',
          'content-length',
          String(gzip.length),
        ],
      },
    }
  }

  async series(req: VotingRequest): Promise<VotingResponse> {
    const campaign = await this.campaignBySlug(req.query.get('campaign') ?? '')
    if (!campaign) {
      return bad(404, 'campaign_not_found', '找不到该征集活动。')
    }
    const top = Math.min(Math.max(Number(req.query.get('top') ?? 5) || 5, 1), 10)
    const rows = await this.store.leaderboard({
      campaignId: campaign.id,
      by: 'entry',
      limit: top,
      rankedStates: this.options.rankedStates,
    })
    const points = await this.store.series(
      campaign.id,
      rows.map((r) => r.entryId!),
    )
    const series = rows.map((row) => {
      let total = 0
      return {
        entryId: row.entryId,
        number: row.number,
        label: row.label,
        points: points
          .filter((p) => String(p.entryId) === String(row.entryId))
          .map((p) => ({ t: p.hour, votes: (total += p.votes) })),
      }
    })
    return { status: 200, headers: { 'cache-control': 'public, max-age=30' }, body: { series } }
  }

  // ---- voter identity -----------------------------------------------------

  async requestCode(req: VotingRequest): Promise<VotingResponse> {
    const body = ((await req.json().catch(() => ({}))) ?? {}) as {
      channel?: unknown
      address?: unknown
    }
    const channel: VoterChannel = body.channel === 'sms' ? 'sms' : 'email'
    const address = normalizeAddress(channel, typeof body.address === 'string' ? body.address : '')
    if (!address) {
      return bad(
        400,
        'invalid_address',
        channel === 'email'
          ? '邮箱格式不正确，请检查后重试。'
          : '手机号格式不正确：请输入 11 位中国大陆手机号。',
      )
    }
    const addressHash = hashAddress(this.secret, address)
    const now = Date.now()
    if (!this.codeLimiter.hit(addressHash, now) || !this.ipLimiter.hit(`code:${req.ip}`, now)) {
      return refusal({
        status: 429,
        code: 'rate_limited',
        error: '验证码请求过于频繁，请稍后再试。',
        retryAfter: this.codeLimiter.retryAfter(now),
      })
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    await this.payload.create({
      collection: 'vote-codes',
      data: {
        addressHash,
        codeHash: sha(`${this.secret}:code:${addressHash}:${code}`),
        expiresAt: new Date(now + CODE_TTL_MS).toISOString(),
        attempts: 0,
      } as never,
      depth: 0,
    })
    const text = `您的投票验证码是 ${code}，10 分钟内有效。如非本人操作请忽略。`
    if (channel === 'email') {
      await this.payload.sendEmail({ to: address, subject: '投票验证码 / Voting code', text })
    } else {
      await this.options.sendSms(address, text)
    }
    return {
      status: 202,
      body: {
        sent: true,
        expiresInSeconds: CODE_TTL_MS / 1000,
        masked: maskAddress(channel, address),
      },
    }
  }

  async verifyCode(req: VotingRequest): Promise<VotingResponse> {
    const body = ((await req.json().catch(() => ({}))) ?? {}) as {
      channel?: unknown
      address?: unknown
      code?: unknown
    }
    const raw = typeof body.address === 'string' ? body.address : ''
    const channel: VoterChannel =
      body.channel === 'sms' || (!raw.includes('@') && /\d/.test(raw)) ? 'sms' : 'email'
    const address = normalizeAddress(channel, raw)
    const code = typeof body.code === 'string' ? body.code.trim() : ''
    if (!address || !/^\d{6}$/.test(code)) {
      return bad(400, 'invalid_code', '验证码错误：请输入收到的 6 位数字验证码。')
    }
    const addressHash = hashAddress(this.secret, address)
    const { docs } = await this.payload.find({
      collection: 'vote-codes',
      where: {
        and: [
          { addressHash: { equals: addressHash } },
          { expiresAt: { greater_than: new Date().toISOString() } },
        ],
      },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
    })
    const stored = docs[0] as unknown as { id: Id; codeHash: string; attempts?: number } | undefined
    if (!stored || (stored.attempts ?? 0) >= MAX_CODE_ATTEMPTS) {
      return bad(400, 'invalid_code', '验证码已失效，请重新获取。')
    }
    const expected = Buffer.from(stored.codeHash)
    const given = Buffer.from(sha(`${this.secret}:code:${addressHash}:${code}`))
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await this.payload.update({
        collection: 'vote-codes',
        id: stored.id,
        data: { attempts: (stored.attempts ?? 0) + 1 } as never,
        depth: 0,
      })
      return bad(
        400,
        'invalid_code',
        `验证码错误，还可尝试 ${MAX_CODE_ATTEMPTS - (stored.attempts ?? 0) - 1} 次。`,
      )
    }
    await this.payload.delete({
      collection: 'vote-codes',
      where: { addressHash: { equals: addressHash } },
    })
    const voter = await this.findOrCreateVoter(channel, address, addressHash)
    const token = issueVoterToken(this.secret, voter.id, VOTER_TOKEN_TTL)
    return {
      status: 200,
      headers: { 'set-cookie': this.voterCookie(token) },
      body: { token, voter: { id: voter.id, masked: voter.masked } },
    }
  }

  private async findOrCreateVoter(
    channel: VoterChannel,
    address: string,
    addressHash: string,
  ): Promise<{ id: Id; masked: string }> {
    const find = async () =>
      (
        await this.payload.find({
          collection: 'voters',
          where: { addressHash: { equals: addressHash } },
          limit: 1,
          depth: 0,
        })
      ).docs[0] as unknown as { id: Id; masked: string } | undefined
    const existing = await find()
    if (existing) {
      return existing
    }
    try {
      const created = await this.payload.create({
        collection: 'voters',
        data: { channel, addressHash, masked: maskAddress(channel, address) } as never,
        depth: 0,
      })
      return created as unknown as { id: Id; masked: string }
    } catch (error) {
      // Two verifications at once: the unique index kept one voter; use it.
      const raced = await find()
      if (raced) {
        return raced
      }
      throw error
    }
  }

  async me(req: VotingRequest): Promise<VotingResponse> {
    const id = this.voterOf(req)?.voterId
    if (!id) {
      return { status: 200, body: { voter: null } }
    }
    const voter = await this.payload.findByID({
      collection: 'voters',
      id: normalizeId(id),
      depth: 0,
      disableErrors: true,
    })
    return {
      status: 200,
      body: {
        voter: voter
          ? { id: voter.id, masked: (voter as unknown as { masked: string }).masked }
          : null,
      },
    }
  }

  // ---- editors ------------------------------------------------------------

  private editorOnly(req: VotingRequest): VotingResponse | null {
    return this.options.isEditor(req.user)
      ? null
      : bad(403, 'forbidden', '只有组委会编辑可以执行此操作。')
  }

  private integrityQuery(campaignId: Id) {
    return { campaignId, burstPerMinute: 30, clusterVoters: 20, newVoterSpike: 50 }
  }

  /** An editor's request about the campaign in `?campaign=`: the campaign, or the refusal to send. */
  private async editorCampaign(
    req: VotingRequest,
  ): Promise<{ campaign: CampaignVoting } | { refused: VotingResponse }> {
    const denied = this.editorOnly(req)
    if (denied) {
      return { refused: denied }
    }
    const campaign = await this.campaignBySlug(req.query.get('campaign') ?? '')
    return campaign
      ? { campaign }
      : { refused: bad(404, 'campaign_not_found', '找不到该征集活动。') }
  }

  async integrity(req: VotingRequest): Promise<VotingResponse> {
    const target = await this.editorCampaign(req)
    if ('refused' in target) {
      return target.refused
    }
    const { campaign } = target
    return {
      status: 200,
      body: {
        campaign: campaign.slug,
        ...(await this.store.integrity(this.integrityQuery(campaign.id))),
      },
    }
  }

  async flag(req: VotingRequest): Promise<VotingResponse> {
    const target = await this.editorCampaign(req)
    if ('refused' in target) {
      return target.refused
    }
    const { campaign } = target
    const flagged = await this.store.flag(this.integrityQuery(campaign.id))
    await this.audit(req, 'flag', undefined, '按完整性报告标记可疑投票', {
      campaign: campaign.slug,
      flagged,
    })
    return { status: 200, body: { flagged } }
  }

  async voidVote(req: VotingRequest, voteId: string): Promise<VotingResponse> {
    const denied = this.editorOnly(req)
    if (denied) {
      return denied
    }
    const body = ((await req.json().catch(() => ({}))) ?? {}) as { reason?: unknown }
    const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
    if (reason.length < 2 || reason.length > 500) {
      return bad(400, 'reason_required', '作废投票须填写原因（2–500 字）。')
    }
    const voided = await this.store.voidVote(normalizeId(voteId))
    if (!voided) {
      return bad(404, 'vote_not_found', '投票记录不存在或已作废。')
    }
    this.version += 1
    await this.audit(req, 'void', normalizeId(voteId), reason)
    return { status: 200, body: { voided: true } }
  }

  async recount(req: VotingRequest): Promise<VotingResponse> {
    const denied = this.editorOnly(req)
    if (denied) {
      return denied
    }
    const report = await this.store.recount()
    this.version += 1
    await this.audit(req, 'recount', undefined, '重新计票', report)
    return { status: 200, body: report }
  }

  private async audit(
    req: VotingRequest,
    action: string,
    vote: Id | undefined,
    reason: string,
    details?: unknown,
  ) {
    const by = (req.user as { id?: Id } | undefined)?.id
    await this.payload.create({
      collection: 'vote-audits',
      data: {
        action,
        vote: vote ?? null,
        by: by ?? null,
        reason,
        details: details ?? null,
      } as never,
      depth: 0,
    })
  }
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
