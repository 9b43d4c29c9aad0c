import { describe, expect, it } from 'vitest'

import type { Campaign } from '@exemplar/cms/payload-types'

import {
  canVote,
  hasVotingPhase,
  isVotingOpen,
  newIdempotencyKey,
  readVoteResponse,
  shownTally,
  tallyText,
  voteMessage,
} from './voting'

type Phases = Pick<Campaign, 'phases' | 'openPhases'>

const voting: Phases = {
  phases: [{ kind: 'voting', startsAt: '2026-11-18T00:00:00Z', endsAt: '2026-12-18T00:00:00Z' }],
  openPhases: ['display', 'voting'],
}
const closed: Phases = { ...voting, openPhases: ['review'] }
const noVote: Phases = {
  phases: [
    { kind: 'submission', startsAt: '2026-11-18T00:00:00Z', endsAt: '2026-12-18T00:00:00Z' },
  ],
  openPhases: ['submission'],
}

describe('when to offer the vote button', () => {
  it.each([
    ['voting', voting, true],
    ['accepted', voting, true],
    ['review', voting, false],
    ['awarded', voting, false],
    ['draft', voting, false],
    ['voting', closed, false],
    ['voting', undefined, false],
  ] as const)('should offer it for an entry in %s: %#', (status, campaign, offered) => {
    expect(canVote({ status }, campaign)).toBe(offered)
  })

  it('should know a campaign has a leaderboard from its timeline, open or not', () => {
    expect([voting, closed, noVote].map(hasVotingPhase)).toEqual([true, true, false])
    expect([voting, closed, noVote].map(isVotingOpen)).toEqual([true, false, false])
  })
})

describe('readVoteResponse', () => {
  it('should read a counted vote with its tally and what is left today', () => {
    expect(
      readVoteResponse(200, { counted: true, duplicate: false, tally: 1_494, remainingToday: 9 }),
    ).toEqual({ kind: 'counted', tally: 1_494, remainingToday: 9 })
  })

  it('should read a repeated vote and a hidden (delayed) tally', () => {
    expect(
      readVoteResponse(200, { counted: false, duplicate: true, tally: null, remainingToday: null }),
    ).toEqual({ kind: 'duplicate', tally: null, remainingToday: null })
  })

  it('should ask for verification on 401 voter_required', () => {
    expect(
      readVoteResponse(401, { errors: [{ code: 'voter_required', message: '请先验证身份' }] }),
    ).toEqual({
      kind: 'voterRequired',
    })
  })

  it.each([
    [403, { errors: [{ code: 'entry_not_public', message: '该作品未在公开展示中，不能投票。' }] }],
    [
      409,
      {
        errors: [
          {
            code: 'daily_cap_reached',
            message: '今日投票次数已达上限（每人每天 10 票），请明天再来。',
          },
        ],
      },
    ],
    [
      429,
      { errors: [{ code: 'rate_limited', message: '投票过于频繁，请稍后再试。' }], retryAfter: 30 },
    ],
  ])('should pass on the server’s own words for %s', (status, body) => {
    const result = readVoteResponse(status, body)
    expect(result).toMatchObject({ kind: 'refused', message: body.errors[0]!.message })
    expect(voteMessage(result, 'en')).toBe(body.errors[0]!.message)
  })

  it('should keep the wait a rate limit asks for', () => {
    expect(
      readVoteResponse(429, {
        errors: [{ code: 'rate_limited', message: '慢一点' }],
        retryAfter: 30,
      }),
    ).toMatchObject({
      retryAfter: 30,
    })
  })

  it('should fall back to a general sentence when the answer has no message', () => {
    const result = readVoteResponse(502, null)
    expect(result).toEqual({ kind: 'refused', message: undefined })
    expect(voteMessage(result, 'zh')).toBe('投票未成功，请稍后重试。')
  })
})

describe('voteMessage', () => {
  it('should thank the voter and say how many votes are left today', () => {
    expect(voteMessage({ kind: 'counted', tally: 5, remainingToday: 9 }, 'zh')).toBe(
      '投票成功，感谢参与！今日还可投 9 票。',
    )
    expect(voteMessage({ kind: 'counted', tally: 5, remainingToday: null }, 'en')).toBe(
      'Your vote is counted. Thank you!',
    )
  })

  it('should say a repeated vote was not counted again', () => {
    expect(voteMessage({ kind: 'duplicate', tally: 5, remainingToday: 0 }, 'zh')).toBe(
      '今天已为该作品投过票，明天可以再投。今日还可投 0 票。',
    )
  })
})

describe('shownTally', () => {
  it.each([
    [1_234, undefined, 1_234],
    [1_234, { display: 'exact' as const }, 1_234],
    [1_234, { display: 'rounded' as const, roundTo: 100 }, 1_200],
    [1_234, { display: 'rounded' as const }, 1_230],
    [1_234, { display: 'delayed' as const, delayMinutes: 60 }, null],
    [null, undefined, 0],
  ])('should show %s under %j as %s', (votes, rule, shown) => {
    expect(shownTally(votes, rule)).toBe(shown)
  })
})

describe('tallyText', () => {
  it('should format a tally and show nothing for a delayed one', () => {
    expect(tallyText(1_494, 'zh')).toBe('1,494 票')
    expect(tallyText(null, 'zh')).toBe('')
  })
})

describe('newIdempotencyKey', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it('should use randomUUID where the browser offers it', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'k', getRandomValues: (a) => a })).toBe('k')
  })

  it('should build a UUID v4 from random bytes outside a secure context', () => {
    const key = newIdempotencyKey({ getRandomValues: (a) => a.fill(0xff) })
    expect(key).toMatch(uuid)
    // The server accepts keys of 8–80 word characters and dashes.
    expect(key).toMatch(/^[\w-]{8,80}$/)
  })
})
