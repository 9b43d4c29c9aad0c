import { problemResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { workflowOptionsOf } from '../options'
import { verifyPin } from '../service/verifyPin'
import { answer, entryIdOf, json } from './request'

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
    const entry = (await req.payload.findByID({
      collection: options.entries,
      id,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })) as (Record<string, unknown> & { id: number | string }) | null
    if (!entry) {
      return problemResponse(404, { code: 'notFound', message: `没有编号为 ${String(id)} 的作品` })
    }
    return json(200, await verifyPin(req, options, entry))
  })
