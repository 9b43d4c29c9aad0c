import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { reopenReview } from '../service/editorActions'
import { answer, bodyOf, idOf } from './request'

/** `POST /api/review/reviews/:id/reopen {"reason"}`: a submitted review back to its reviewer. */
export const reopenReviewHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    const id = idOf(req.routeParams?.id, 'id', '评审 ID')
    return jsonResponse(200, { review: await reopenReview(req, options, id, await bodyOf(req)) })
  })
