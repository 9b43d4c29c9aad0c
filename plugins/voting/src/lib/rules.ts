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

function shanghaiTime(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
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
  if (campaign.windows.some((w) => w.startsAt <= now && now < w.endsAt)) {
    return null
  }
  const next = campaign.windows.find((w) => now < w.startsAt)
  const window = next ?? campaign.windows[campaign.windows.length - 1]!
  const span = `投票时间为 ${shanghaiTime(window.startsAt)} 至 ${shanghaiTime(window.endsAt)}（北京时间）`
  return {
    status: 409,
    code: 'voting_not_open',
    error: next ? `投票尚未开始：${span}。` : `投票已结束：${span}。`,
  }
}
