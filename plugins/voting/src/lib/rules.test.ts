import { describe, expect, it } from 'vitest'

import { refuseVote, type CampaignVoting, type EntryInfo } from './rules'

const campaign: CampaignVoting = {
  id: 1,
  slug: 'c',
  title: 'C',
  // 7/1–7/31 Shanghai
  windows: [
    { startsAt: Date.parse('2022-06-30T16:00:00Z'), endsAt: Date.parse('2022-07-31T16:00:00Z') },
  ],
  perEntryPerDay: 1,
  dailyCap: 0,
  anonymous: { enabled: false, dailyCap: 0 },
  display: 'exact',
  roundTo: 0,
  delayMinutes: 0,
}
const entry: EntryInfo = {
  id: 7,
  number: '2022-YZ0001',
  title: 'E',
  campaignId: 1,
  status: 'voting',
}
const votable = ['accepted', 'voting']

describe('refuseVote', () => {
  it('should allow a vote for a displayed entry inside the window', () => {
    expect(refuseVote(entry, campaign, votable, Date.parse('2022-07-15T00:00:00Z'))).toBeNull()
  })

  it.each([
    [
      'just before the start',
      '2022-06-30T15:59:59Z',
      '投票尚未开始：投票时间为 2022年7月1日 00:00 至 2022年8月1日 00:00（北京时间）。',
    ],
    [
      'at the end instant',
      '2022-07-31T16:00:00Z',
      '投票已结束：投票时间为 2022年7月1日 00:00 至 2022年8月1日 00:00（北京时间）。',
    ],
  ])('should refuse a vote %s, naming the window', (_label, at, message) => {
    expect(refuseVote(entry, campaign, votable, Date.parse(at))).toEqual({
      status: 409,
      code: 'voting_not_open',
      error: message,
    })
  })

  it('should refuse entries not on public display and unknown entries', () => {
    const now = Date.parse('2022-07-15T00:00:00Z')
    expect(refuseVote({ ...entry, status: 'draft' }, campaign, votable, now)?.code).toBe(
      'entry_not_public',
    )
    expect(refuseVote(undefined, campaign, votable, now)?.status).toBe(404)
  })

  it('should refuse when the campaign has no voting phase', () => {
    expect(refuseVote(entry, { ...campaign, windows: [] }, votable, 0)?.error).toBe(
      '该活动不设公众投票。',
    )
  })
})
