import { jsonResponse, problemResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { workflowOptionsOf } from '../options'
import { entryNotFound, storedEntry } from '../service/lookups'
import { verifyPin } from '../service/verifyPin'
import { answer, entryIdOf } from './request'

/**
 * `GET /api/workflow/entries/:id/pin`: the entry's screening pin checked
 * against what is stored now — `{ pinned, ok, pin, problems: [{kind, media?, message}] }`.
 * Editors only.
 */
export const verifyPinHandler: PayloadHandler = (req) =>
  answer(req, async () => {
    const options = workflowOptionsOf(req.payload.config)
    if (!options.isEditor(req.user)) {
      return problemResponse(403, { code: 'forbidden', message: '只有组委会编辑可以校验锁定' })
    }
    const id = entryIdOf(req.routeParams?.id, 'id')
    const entry = await storedEntry(req, options, id)
    if (!entry) {
      return problemResponse(404, entryNotFound(id))
    }
    return jsonResponse(200, await verifyPin(req, options, entry))
  })
