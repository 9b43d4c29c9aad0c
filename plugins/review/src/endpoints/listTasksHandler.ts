import { jsonResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { listTasks } from '../service/tasks'
import { answer } from './request'

/** `GET /api/review/tasks`: the caller's own tasks and progress. */
export const listTasksHandler: PayloadHandler = (req) =>
  answer(req, async (options) => jsonResponse(200, await listTasks(req, options)))
