import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { latestSnapshot, previewResults } from '../service/freeze'
import { campaignNamed } from '../service/gather'
import { answerEditor, queryOf } from './request'

/** `GET /api/results/preview?campaign=`: the results as a freeze would record them now, and whether they changed. */
export const previewResultsHandler: PayloadHandler = (req) =>
  answerEditor(req, async (options) => {
    const campaign = await campaignNamed(req, options, queryOf(req, 'campaign'))
    const { body, sha256 } = await previewResults(req, options, campaign)
    const latest = await latestSnapshot(req, options, campaign.id)
    return jsonResponse(200, {
      sha256,
      body,
      latest: latest ? { id: latest.id, sequence: latest.sequence, sha256: latest.sha256 } : null,
      changed: latest?.sha256 !== sha256,
    })
  })
