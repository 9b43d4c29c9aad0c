import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { requireEditor } from '../service/editorActions'
import { reviewScores } from '../service/progress'
import { answer, campaignNamed, queryOf } from './request'

/** `GET /api/review/scores?campaign=&track=`: normalized scores and disagreement flags. */
export const reviewScoresHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    requireEditor(req, options)
    const campaign = await campaignNamed(req, options, queryOf(req, 'campaign'))
    const track = queryOf(req, 'track') || undefined
    return jsonResponse(200, await reviewScores(req, options, campaign, track))
  })
