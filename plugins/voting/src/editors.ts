import type { Payload } from 'payload'

import type { CampaignVoting } from './lib/rules'
import { bad, normalizeId, type VotingRequest, type VotingResponse } from './respond'
import type { Id, VoteStore } from './store/types'
import type { ResolvedVotingOptions } from './types'

/**
 * What editors do with votes: the integrity report, flagging, voiding one
 * vote with a reason, a recount, each kept in the audit trail. Only a
 * signed-in editor or admin gets past `editorOnly`.
 */
export class VoteEditing {
  constructor(
    private readonly payload: Payload,
    private readonly options: ResolvedVotingOptions,
    private readonly store: VoteStore,
    private readonly campaignBySlug: (slug: string) => Promise<CampaignVoting | undefined>,
    /** Tells the service that tallies moved, so its boards are recomputed. */
    private readonly votesChanged: () => void,
  ) {}

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
    this.votesChanged()
    await this.audit(req, 'void', normalizeId(voteId), reason)
    return { status: 200, body: { voided: true } }
  }

  async recount(req: VotingRequest): Promise<VotingResponse> {
    const denied = this.editorOnly(req)
    if (denied) {
      return denied
    }
    const report = await this.store.recount()
    this.votesChanged()
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
