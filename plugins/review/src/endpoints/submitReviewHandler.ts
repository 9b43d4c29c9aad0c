import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { submitReview } from '../service/score'
import { answer, bodyOf, idOf } from './request'

/** `POST /api/review/tasks/:id/submit`: every criterion scored; the total is computed here. */
export const submitReviewHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    const id = idOf(req.routeParams?.id, 'id', '评审任务 ID')
    return jsonResponse(200, { task: await submitReview(req, options, id, await bodyOf(req)) })
  })
