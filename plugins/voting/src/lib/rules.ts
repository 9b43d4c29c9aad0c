import { formatBeijingZh, isOpen, phaseState } from '@exemplar/domain'

import type { TallyDisplay } from './display'

export interface VotingWindow {
  startsAt: number
  endsAt: number
}

/** What the hot path needs to know about a campaign, read once and cached. */
export interface CampaignVoting {
  id: number | string
  slug: string
  title: string
  windows: VotingWindow[]
  perEntryPerDay: number
  dailyCap: number
  anonymous: { enabled: boolean; dailyCap: number }
  display: TallyDisplay
  roundTo: number
  delayMinutes: number
}

export interface EntryInfo {
  id: number | string
  number: string | null
  title: string
  campaignId: number | string
  status: string
}

export interface Refusal {
  status: 401 | 403 | 404 | 409 | 429
  code: string
  error: string
  retryAfter?: number
}

/** Why a vote may not be cast now, or `null` when it may. Checked on the server for every vote. */
export function refuseVote(
  entry: EntryInfo | undefined,
  campaign: CampaignVoting | undefined,
  votableStates: readonly string[],
  now: number,
): Refusal | null {
  if (!entry || !campaign) {
    return { status: 404, code: 'entry_not_found', error: '作品不存在。' }
  }
  if (!votableStates.includes(entry.status)) {
    return { status: 403, code: 'entry_not_public', error: '该作品未在公开展示中，不能投票。' }
  }
  if (campaign.windows.length === 0) {
    return { status: 409, code: 'voting_not_open', error: '该活动不设公众投票。' }
  }
  if (campaign.windows.some((w) => isOpen(w, now))) {
    return null
  }
  const next = campaign.windows.find((w) => phaseState(w, now) === 'upcoming')
  const window = next ?? campaign.windows[campaign.windows.length - 1]!
  const span = `投票时间为 ${formatBeijingZh(window.startsAt)} 至 ${formatBeijingZh(window.endsAt)}（北京时间）`
  return {
    status: 409,
    code: 'voting_not_open',
    error: next ? `投票尚未开始：${span}。` : `投票已结束：${span}。`,
  }
}
