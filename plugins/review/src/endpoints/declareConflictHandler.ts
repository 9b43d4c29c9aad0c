import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { stepBack } from '../service/stepBack'
import { answer, bodyOf, idOf } from './request'

/** `POST /api/review/tasks/:id/conflict {"reason"}`: the reviewer steps back for a conflict of interest. */
export const declareConflictHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    const id = idOf(req.routeParams?.id, 'id', '评审任务 ID')
    return jsonResponse(200, {
      task: await stepBack(req, options, id, 'conflicted', await bodyOf(req)),
    })
  })
