import { jsonResponse, problemResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { workflowOptionsOf } from '../options'
import { applyTransition } from '../service/applyTransition'
import type { ReasonInput } from '../service/reasons'
import { answer, bodyOf, entryIdOf } from './request'

/** `POST /api/workflow/entries/:id/transitions {"action", "reason"?: {code, text}}`: one action on one entry. */
export const applyTransitionHandler: PayloadHandler = (req) =>
  answer(req, async () => {
    const options = workflowOptionsOf(req.payload.config)
    const id = entryIdOf(req.routeParams?.id, 'id')
    const body = await bodyOf(req)
    const out = await applyTransition(req, options, id, body.action, body.reason as ReasonInput)
    if (!out.ok) {
      return problemResponse(out.status, out.problem)
    }
    return jsonResponse(200, { entry: out.entry, transition: out.record })
  })
