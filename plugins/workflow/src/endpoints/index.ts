import type { Endpoint } from 'payload'

import { applyTransitionHandler } from './applyTransitionHandler'
import { applyTransitionsHandler } from './applyTransitionsHandler'
import { listTransitionsHandler } from './listTransitionsHandler'
import { screeningSummaryHandler } from './screeningSummaryHandler'
import { verifyPinHandler } from './verifyPinHandler'

/** The workflow's routes (API.md), one handler each. */
export const workflowEndpoints: Endpoint[] = [
  { method: 'get', path: '/workflow/screening', handler: screeningSummaryHandler },
  { method: 'post', path: '/workflow/entries/transitions', handler: applyTransitionsHandler },
  { method: 'get', path: '/workflow/entries/:id/transitions', handler: listTransitionsHandler },
  { method: 'post', path: '/workflow/entries/:id/transitions', handler: applyTransitionHandler },
  { method: 'get', path: '/workflow/entries/:id/pin', handler: verifyPinHandler },
]
