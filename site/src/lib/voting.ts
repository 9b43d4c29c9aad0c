/**
 * The vote button's rules and the reading of the voting API's answers
 * (plugins/voting/API.md). Shared by the server (whether to offer the button)
 * and the browser script (what to say after a click); no DOM here.
 */
import { firstMessage, problemsOf } from '@exemplar/http'
import type { Campaign, Entry } from '@exemplar/cms/payload-types'

import { formatNumber } from './format'
import type { Locale } from '../i18n'
import { tv } from '../i18n/voting'
import { VOTABLE_ENTRY_STATES, type PhaseKind } from './labels'

/** The phase kind of a campaign's timeline that is the public vote (the plugin's `votingPhase`). */
export const VOTING_PHASE: PhaseKind = 'voting'

export type CampaignPhases = Pick<Campaign, 'phases' | 'openPhases'>

/** Whether the campaign has a public vote at all, open, past or to come: it then has a leaderboard. */
export function hasVotingPhase(campaign: CampaignPhases): boolean {
  return (
    (campaign.phases ?? []).some((phase) => phase.kind === VOTING_PHASE) ||
    (campaign.openPhases ?? []).includes(VOTING_PHASE)
  )
}

/** Whether the vote is open now, as the CMS decided when it answered (the `openPhases` field). */
export function isVotingOpen(campaign: CampaignPhases): boolean {
  return (campaign.openPhases ?? []).includes(VOTING_PHASE)
}

/** Offer the vote button: the campaign is voting and the entry is on display in a votable state. */
export function canVote(
  entry: Pick<Entry, 'status'>,
  campaign: CampaignPhases | undefined,
): boolean {
  return Boolean(campaign && isVotingOpen(campaign) && VOTABLE_ENTRY_STATES.includes(entry.status))
}

export type VoteResult =
  | { kind: 'counted' | 'duplicate'; tally: number | null; remainingToday: number | null }
  | { kind: 'voterRequired' }
  | { kind: 'refused'; message?: string; retryAfter?: number }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

/** The server's own explanation of a refusal (Chinese, naming the rule), when it sent one. */
export function errorMessage(body: unknown): string | undefined {
  return firstMessage(body)
}

/** What an answer of POST /api/voting/votes means for the reader. */
export function readVoteResponse(status: number, body: unknown): VoteResult {
  if (status === 200 && isRecord(body) && typeof body.counted === 'boolean') {
    return {
      kind: body.counted ? 'counted' : 'duplicate',
      tally: numberOrNull(body.tally),
      remainingToday: numberOrNull(body.remainingToday),
    }
  }
  if (status === 401 && problemsOf(body).some((p) => p.code === 'voter_required')) {
    return { kind: 'voterRequired' }
  }
  const retryAfter = isRecord(body) ? numberOrNull(body.retryAfter) : null
  return {
    kind: 'refused',
    message: errorMessage(body),
    ...(retryAfter !== null ? { retryAfter } : {}),
  }
}

/** The sentence for the button's live region after a vote. */
export function voteMessage(result: VoteResult, locale: Locale): string {
  switch (result.kind) {
    case 'counted':
    case 'duplicate': {
      const said = tv(locale, result.kind === 'counted' ? 'vote.counted' : 'vote.duplicate')
      return result.remainingToday === null
        ? said
        : `${said}${locale === 'zh' ? '' : ' '}${tv(locale, 'vote.remaining', {
            n: formatNumber(result.remainingToday, locale),
          })}`
    }
    case 'voterRequired':
      return tv(locale, 'vote.cancelled')
    case 'refused':
      return result.message ?? tv(locale, 'vote.failed')
  }
}

/**
 * An entry's tally as its campaign chooses to show it, the way the voting
 * plugin answers (plugins/voting/src/lib/display.ts): rounded down to a step,
 * or not at all while the display is delayed (the live count is what the
 * delay hides; the leaderboard shows the delayed one).
 */
export function shownTally(
  votes: number | null | undefined,
  rule: Campaign['voting'] | undefined,
): number | null {
  const n = votes ?? 0
  if (rule?.display === 'delayed') {
    return null
  }
  const step = rule?.roundTo ?? 10
  return rule?.display === 'rounded' && step > 1 ? Math.floor(n / step) * step : n
}

/** "1,234 票" for a tally the campaign shows; null (a delayed display) shows nothing. */
export function tallyText(tally: number | null, locale: Locale): string {
  return tally === null ? '' : tv(locale, 'vote.count', { n: formatNumber(tally, locale) })
}

interface RandomSource {
  randomUUID?: () => string
  getRandomValues: (array: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>
}

/**
 * A fresh idempotency key for one click. `crypto.randomUUID` exists only in
 * secure contexts (HTTPS or localhost); a site served over plain HTTP falls
 * back to a UUID v4 built from `getRandomValues`, which works everywhere.
 */
export function newIdempotencyKey(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') {
    return source.randomUUID()
  }
  const bytes = source.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
