import { jsonResponse, Refusal } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { freezeResults, REASON_MAX } from '../service/freeze'
import { campaignNamed } from '../service/gather'
import { answerEditor, bodyOf } from './request'

/**
 * `POST /api/results/freeze` `{campaign, reason?}`: freezes the results.
 * 201 with the new snapshot; 200 with the newest one when nothing changed.
 */
export const freezeResultsHandler: PayloadHandler = (req) =>
  answerEditor(req, async (options) => {
    const body = await bodyOf(req)
    const reason = body.reason === undefined || body.reason === null ? '' : body.reason
    if (typeof reason !== 'string') {
      throw new Refusal(400, { field: 'reason', code: 'invalid', message: '变更原因须为文字' })
    }
    if (reason.length > REASON_MAX) {
      throw new Refusal(400, {
        field: 'reason',
        code: 'tooLong',
        message: `变更原因不超过 ${REASON_MAX} 字，现为 ${reason.length} 字`,
        limit: REASON_MAX,
      })
    }
    const campaign = await campaignNamed(req, options, body.campaign)
    const { snapshot, created } = await freezeResults(req, options, campaign, reason.trim())
    return jsonResponse(created ? 201 : 200, { created, snapshot })
  })
