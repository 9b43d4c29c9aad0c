import type { Endpoint } from 'payload'

import { assignReviewersHandler } from './assignReviewersHandler'
import { declareConflictHandler } from './declareConflictHandler'
import { declineTaskHandler } from './declineTaskHandler'
import { exportReviewHandler } from './exportReviewHandler'
import { listTasksHandler } from './listTasksHandler'
import { readTaskHandler } from './readTaskHandler'
import { reopenReviewHandler } from './reopenReviewHandler'
import { reviewProgressHandler } from './reviewProgressHandler'
import { reviewScoresHandler } from './reviewScoresHandler'
import { saveDraftHandler } from './saveDraftHandler'
import { submitReviewHandler } from './submitReviewHandler'
import { taskFileHandler } from './taskFileHandler'
import { unassignReviewHandler } from './unassignReviewHandler'

/** The review plugin's routes (API.md), one handler each. */
export const reviewEndpoints: Endpoint[] = [
  { method: 'post', path: '/review/assignments', handler: assignReviewersHandler },
  { method: 'delete', path: '/review/assignments/:id', handler: unassignReviewHandler },
  { method: 'post', path: '/review/reviews/:id/reopen', handler: reopenReviewHandler },
  { method: 'get', path: '/review/progress', handler: reviewProgressHandler },
  { method: 'get', path: '/review/scores', handler: reviewScoresHandler },
  { method: 'get', path: '/review/export', handler: exportReviewHandler },
  { method: 'get', path: '/review/tasks', handler: listTasksHandler },
  { method: 'get', path: '/review/tasks/:id', handler: readTaskHandler },
  { method: 'put', path: '/review/tasks/:id', handler: saveDraftHandler },
  { method: 'post', path: '/review/tasks/:id/submit', handler: submitReviewHandler },
  { method: 'post', path: '/review/tasks/:id/decline', handler: declineTaskHandler },
  { method: 'post', path: '/review/tasks/:id/conflict', handler: declareConflictHandler },
  { method: 'get', path: '/review/tasks/:id/files/:index', handler: taskFileHandler },
]
