import type { CollectionBeforeChangeHook } from 'payload'

import { SubmissionError, hookRefusal, refuse } from '../lib/errors'
import { idOf } from '../lib/ids'
import { deadlineProblem } from '../service/checks'
import type { Campaign } from '../service/types'
import type { ResolvedSubmissionsOptions } from '../types'

/**
 * A non-editor creates an entry, and edits their draft, only while the
 * campaign's submission phase is open — the rule of the plugin's own routes
 * (`deadlineProblem`), so REST and GraphQL cannot reach a closed campaign
 * either. A returned entry may still be changed after the deadline (the
 * editors asked for it), and leaving (withdrawal) is always possible.
 * Submission itself is checked by `guardSubmission`.
 */
export function requireOpenWindow(options: ResolvedSubmissionsOptions): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, operation, req }) => {
    if (!req.user || options.isEditor(req.user) || req.context?.submissionsChecked) {
      return data
    }
    const from = operation === 'create' ? 'draft' : (originalDoc?.status as string | undefined)
    if (from !== 'draft' || data.status === 'withdrawn') {
      return data
    }
    const campaignId = idOf(data.campaign ?? originalDoc?.campaign)
    if (campaignId === undefined) {
      return data // the field's own validation refuses a missing campaign
    }
    const campaign = await req.payload
      .findByID({
        collection: options.campaigns,
        id: campaignId,
        depth: 0,
        overrideAccess: false,
        user: req.user,
        disableErrors: true,
        req,
      })
      .catch(() => null)
    if (!campaign) {
      throw hookRefusal(refuse(422, 'campaign', 'campaign.notFound', '征集活动不存在或未发布'))
    }
    const problem = deadlineProblem(options, campaign as unknown as Campaign, from)
    if (problem) {
      throw hookRefusal(new SubmissionError(422, [problem]))
    }
    return data
  }
}
