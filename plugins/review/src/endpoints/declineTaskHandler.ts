import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { stepBack } from '../service/stepBack'
import { answer, bodyOf, idOf } from './request'

/** `POST /api/review/tasks/:id/decline {"reason"}`. */
export const declineTaskHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    const id = idOf(req.routeParams?.id, 'id', '评审任务 ID')
    return jsonResponse(200, {
      task: await stepBack(req, options, id, 'declined', await bodyOf(req)),
    })
  })
