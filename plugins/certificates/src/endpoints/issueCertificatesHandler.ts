import { jsonResponse, Refusal } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { issueAwardCertificates } from '../service/issue'
import { answerCertificateEditor, campaignIdOf } from './request'

/**
 * `POST /api/certificates/issue` `{campaign}`: issues the award
 * certificates of the campaign's newest frozen result. 201 when any were
 * issued, 200 when every awarded entry already had one.
 */
export const issueCertificatesHandler: PayloadHandler = (req) =>
  answerCertificateEditor(req, async (options, body) => {
    const campaign = campaignIdOf(body.campaign)
    const exists = await req.payload.findByID({
      collection: options.campaigns,
      id: campaign,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })
    if (!exists) {
      throw new Refusal(404, {
        field: 'campaign',
        code: 'notFound',
        message: `没有 ID 为 ${String(campaign)} 的征集活动`,
      })
    }
    const outcome = await issueAwardCertificates(req, options, campaign)
    return jsonResponse(outcome.issued.length > 0 ? 201 : 200, outcome)
  })
