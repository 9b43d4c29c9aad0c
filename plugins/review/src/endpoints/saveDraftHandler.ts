import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { saveDraft } from '../service/score'
import { answer, bodyOf, idOf } from './request'

/** `PUT /api/review/tasks/:id`: save the scores so far. */
export const saveDraftHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    const id = idOf(req.routeParams?.id, 'id', '评审任务 ID')
    return jsonResponse(200, { task: await saveDraft(req, options, id, await bodyOf(req)) })
  })
