import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

import type { Payload } from 'payload'

import {
  hashAddress,
  MAX_EMAIL_LENGTH,
  maskAddress,
  normalizeAddress,
  type VoterChannel,
} from './lib/address'
import { issueVoterToken } from './lib/token'
import {
  bad,
  normalizeId,
  refusal,
  sha,
  VOTER_TOKEN_TTL,
  voterCookie,
  type VotingRequest,
  type VotingResponse,
} from './respond'
import type { Id, VoteStore } from './store/types'
import type { ResolvedVotingOptions } from './types'
import { exceededRule, fullRule, type WindowRefusal, type WindowRule } from './windowLimit'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const CODE_TTL_MS = 10 * MINUTE
export const MAX_CODE_ATTEMPTS = 5
/** Codes, spent or not, are kept as long as the longest window that counts them. */
const CODE_KEEP_MS = HOUR
/** How often one process sweeps codes past that age. */
const SWEEP_EVERY_MS = MINUTE

export interface Voter {
  id: Id
  masked: string
}

const limited = (refused: WindowRefusal): VotingResponse =>
  refusal({
    status: 429,
    code: 'rate_limited',
    error: refused.rule.error,
    retryAfter: refused.retryAfter,
  })

/**
 * Who votes: one-time codes by email or text message exchanged for a voter
 * token, and anonymous voters derived from the client. Every limit here is
 * counted in the database (windowLimit.ts) and every attempt on a code is
 * taken atomically by the vote store, so two CMS processes on one database
 * enforce them together.
 */
export class VoterIdentity {
  private lastSweep = 0

  constructor(
    private readonly payload: Payload,
    private readonly options: ResolvedVotingOptions,
    private readonly store: VoteStore,
  ) {}

  private get secret(): string {
    return this.payload.secret
  }

  private codeRules(channel: VoterChannel, addressHash: string, ipHash: string): WindowRule[] {
    const limits = this.options.rateLimits
    const rules: WindowRule[] = [
      {
        where: { addressHash: { equals: addressHash } },
        limit: limits.codesPerAddressPerHour,
        windowMs: HOUR,
        error: `同一${channel === 'sms' ? '手机号' : '邮箱'}每小时最多获取 ${limits.codesPerAddressPerHour} 次验证码，请稍后再试。`,
      },
      {
        where: { ipHash: { equals: ipHash } },
        limit: limits.codesPerIpPerHour,
        windowMs: HOUR,
        error: `同一网络每小时最多获取 ${limits.codesPerIpPerHour} 次验证码，请稍后再试。`,
      },
    ]
    if (channel === 'sms') {
      rules.push({
        where: { channel: { equals: 'sms' } },
        limit: limits.smsPerMinute,
        windowMs: MINUTE,
        error: `短信验证码发送繁忙（全站每分钟最多 ${limits.smsPerMinute} 条），请稍后再试或改用邮箱验证。`,
      })
    }
    return rules
  }

  async requestCode(req: VotingRequest, ipHash: string): Promise<VotingResponse> {
    const body = ((await req.json().catch(() => ({}))) ?? {}) as {
      channel?: unknown
      address?: unknown
    }
    if (body.channel !== undefined && body.channel !== 'sms' && body.channel !== 'email') {
      return bad(400, 'invalid_channel', '验证码发送方式（channel）只能是 email 或 sms。')
    }
    const channel: VoterChannel = body.channel === 'sms' ? 'sms' : 'email'
    const address = normalizeAddress(channel, typeof body.address === 'string' ? body.address : '')
    if (!address) {
      return bad(
        400,
        'invalid_address',
        channel === 'email'
          ? `邮箱格式不正确（最多 ${MAX_EMAIL_LENGTH} 个字符），请检查后重试。`
          : '手机号格式不正确：请输入 11 位中国大陆手机号。',
      )
    }
    const addressHash = hashAddress(this.secret, address)
    const rules = this.codeRules(channel, addressHash, ipHash)
    const now = Date.now()
    // Reads first: a client hammering a full limit costs no writes.
    const full = await fullRule(this.payload, 'vote-codes', rules, now)
    if (full) {
      return limited(full)
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const stored = await this.payload.create({
      collection: 'vote-codes',
      data: {
        addressHash,
        ipHash,
        channel,
        codeHash: sha(`${this.secret}:code:${addressHash}:${code}`),
        expiresAt: new Date(now + CODE_TTL_MS).toISOString(),
        attempts: 0,
      } as never,
      depth: 0,
    })
    // Then the stored code's own rank: of requests racing past the first check, only those that fit are sent.
    const over = await exceededRule(this.payload, 'vote-codes', rules, stored.id, now)
    if (over) {
      await this.payload.delete({ collection: 'vote-codes', id: stored.id, depth: 0 })
      return limited(over)
    }
    const text = `您的投票验证码是 ${code}，10 分钟内有效。如非本人操作请忽略。`
    if (channel === 'email') {
      await this.payload.sendEmail({ to: address, subject: '投票验证码 / Voting code', text })
    } else {
      await this.options.sendSms(address, text)
    }
    await this.sweepCodes(now)
    return {
      status: 202,
      body: {
        sent: true,
        expiresInSeconds: CODE_TTL_MS / 1000,
        masked: maskAddress(channel, address),
      },
    }
  }

  /** Removes codes older than every window, at most once a minute per process. */
  private async sweepCodes(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) {
      return
    }
    this.lastSweep = now
    try {
      await this.payload.db.deleteMany({
        collection: 'vote-codes',
        where: { createdAt: { less_than: new Date(now - CODE_KEEP_MS).toISOString() } },
      })
    } catch (error) {
      this.payload.logger.warn({ err: error }, 'voting: sweeping old one-time codes failed')
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
    const code = typeof body.code === 'string' && body.code.length <= 16 ? body.code.trim() : ''
    if (!address || !/^\d{6}$/.test(code)) {
      return bad(400, 'invalid_code', '验证码错误：请输入收到的 6 位数字验证码。')
    }
    const addressHash = hashAddress(this.secret, address)
    // The attempt is taken before the guess is compared, atomically in the database.
    const attempt = await this.store.consumeCodeAttempt(addressHash, new Date(), MAX_CODE_ATTEMPTS)
    if (!attempt) {
      return bad(400, 'invalid_code', '验证码已失效，请重新获取。')
    }
    const expected = Buffer.from(attempt.codeHash)
    const given = Buffer.from(sha(`${this.secret}:code:${addressHash}:${code}`))
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const left = MAX_CODE_ATTEMPTS - attempt.attempts
      return bad(
        400,
        'invalid_code',
        left > 0 ? `验证码错误，还可尝试 ${left} 次。` : '验证码错误，次数已用完，请重新获取。',
      )
    }
    // Spent, not deleted: the sending limits still count it for the rest of the hour.
    await this.payload.db.updateMany({
      collection: 'vote-codes',
      where: { addressHash: { equals: addressHash } },
      data: { attempts: MAX_CODE_ATTEMPTS },
    })
    const found = await this.findOrCreateVoter({
      channel,
      addressHash,
      masked: maskAddress(channel, address),
    })
    if ('refused' in found) {
      return limited(found.refused)
    }
    const { voter } = found
    const token = issueVoterToken(this.secret, voter.id, VOTER_TOKEN_TTL)
    return {
      status: 200,
      headers: { 'set-cookie': voterCookie(token) },
      body: { token, voter: { id: voter.id, masked: voter.masked } },
    }
  }

  /** The voter a valid token names, as `/me` shows it. */
  async me(voterId: string | undefined): Promise<VotingResponse> {
    const voter = voterId
      ? ((await this.payload.findByID({
          collection: 'voters',
          id: normalizeId(voterId),
          depth: 0,
          disableErrors: true,
        })) as unknown as Voter | null)
      : null
    return { status: 200, body: { voter: voter ? { id: voter.id, masked: voter.masked } : null } }
  }

  /**
   * The anonymous voter of this client: derived from its network and browser
   * (a keyed hash of both), found or created under the voters' unique
   * addressHash index, so a client that drops its cookie is the same voter
   * again and the campaign's anonymous daily cap holds. A network brings at
   * most `anonymousVotersPerIpPerDay` new ones.
   */
  anonymousVoter(
    ipHash: string,
    deviceHash: string,
  ): Promise<{ voter: Voter } | { refused: VotingResponse }> {
    const client = createHmac('sha256', this.secret).update(`anonymous:${ipHash}|${deviceHash}`)
    const limit = this.options.rateLimits.anonymousVotersPerIpPerDay
    return this.findOrCreateVoter(
      { channel: 'anonymous', addressHash: `anon:${client.digest('hex')}`, masked: '匿名', ipHash },
      [
        {
          where: { ipHash: { equals: ipHash } },
          limit,
          windowMs: 24 * HOUR,
          error: `同一网络每天最多 ${limit} 位匿名投票人，请验证邮箱或手机后投票。`,
        },
      ],
    ).then((found) => ('refused' in found ? { refused: limited(found.refused) } : found))
  }

  /**
   * The voter with this addressHash, created when there is none yet; a new
   * voter must fit `rules` (counted on the voters collection). Two requests
   * at once meet at the unique index: one creates, the other finds it.
   */
  private async findOrCreateVoter(
    data: {
      channel: VoterChannel | 'anonymous'
      addressHash: string
      masked: string
      ipHash?: string
    },
    rules: readonly WindowRule[] = [],
  ): Promise<{ voter: Voter } | { refused: WindowRefusal }> {
    const find = async () =>
      (
        await this.payload.find({
          collection: 'voters',
          where: { addressHash: { equals: data.addressHash } },
          limit: 1,
          pagination: false,
          depth: 0,
        })
      ).docs[0] as unknown as Voter | undefined
    const existing = await find()
    if (existing) {
      return { voter: existing }
    }
    const now = Date.now()
    const full = await fullRule(this.payload, 'voters', rules, now)
    if (full) {
      return { refused: full }
    }
    let created: Voter
    try {
      created = (await this.payload.create({
        collection: 'voters',
        data: data as never,
        depth: 0,
      })) as unknown as Voter
    } catch (error) {
      // Two at once: the unique index kept one voter; use it.
      const raced = await find()
      if (raced) {
        return { voter: raced }
      }
      throw error
    }
    const over = await exceededRule(this.payload, 'voters', rules, created.id, now)
    if (over) {
      await this.payload.delete({ collection: 'voters', id: created.id, depth: 0 })
      return { refused: over }
    }
    return { voter: created }
  }
}
