import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { unassignReview } from '../service/editorActions'
import { answer, idOf } from './request'

/** `DELETE /api/review/assignments/:id`: take back an unfinished task. */
export const unassignReviewHandler: PayloadHandler = (req) =>
  answer(req, async (options) =>
    jsonResponse(
      200,
      await unassignReview(req, options, idOf(req.routeParams?.id, 'id', '评审 ID')),
    ),
  )
