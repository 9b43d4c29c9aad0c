import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { requireEditor } from '../service/editorActions'
import { reviewProgress } from '../service/progress'
import { answer, campaignNamed, queryOf } from './request'

/** `GET /api/review/progress?campaign=`: per reviewer and per track. */
export const reviewProgressHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    requireEditor(req, options)
    const campaign = await campaignNamed(req, options, queryOf(req, 'campaign'))
    return jsonResponse(200, await reviewProgress(req, options, campaign))
  })
