import type { Endpoint } from 'payload'

import { exportSnapshotHandler } from './exportSnapshotHandler'
import { freezeResultsHandler } from './freezeResultsHandler'
import { previewResultsHandler } from './previewResultsHandler'

/** The results plugin's routes (API.md), one handler each. */
export const resultsEndpoints: Endpoint[] = [
  { method: 'get', path: '/results/preview', handler: previewResultsHandler },
  { method: 'post', path: '/results/freeze', handler: freezeResultsHandler },
  { method: 'get', path: '/results/snapshots/:id/export', handler: exportSnapshotHandler },
]
