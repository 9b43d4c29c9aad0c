import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { readTask } from '../service/tasks'
import { answer, idOf } from './request'

/** `GET /api/review/tasks/:id`: the blind entry, the rubric and the caller's own work. */
export const readTaskHandler: PayloadHandler = (req) =>
  answer(req, async (options) =>
    jsonResponse(200, await readTask(req, options, idOf(req.routeParams?.id, 'id', '评审任务 ID'))),
  )
