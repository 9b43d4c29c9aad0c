import { jsonResponse, problemResponse, type Problem } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { workflowOptionsOf } from '../options'
import { applyTransition } from '../service/applyTransition'
import type { ReasonInput } from '../service/reasons'
import { Refusal, answer, bodyOf, entryIdOf } from './request'

/**
 * `POST /api/workflow/entries/transitions {"ids": […], "action", "reason"?}`:
 * one action on many entries, each in its own transaction. An editor who
 * accepts 200 entries while a colleague already took one of them gets 199
 * done and one refused with its reason, not nothing; 409 when none went.
 */
export const applyTransitionsHandler: PayloadHandler = (req) =>
  answer(req, async () => {
    const options = workflowOptionsOf(req.payload.config)
    const body = await bodyOf(req)
    if (!Array.isArray(body.ids) || body.ids.length === 0) {
      throw new Refusal(400, {
        field: 'ids',
        code: 'required',
        message: '请选择至少一件作品（ids）',
      })
    }
    if (body.ids.length > options.maxBulk) {
      throw new Refusal(400, {
        field: 'ids',
        code: 'tooMany',
        message: `一次最多处理 ${options.maxBulk} 件作品`,
        limit: options.maxBulk,
      })
    }
    const ids = [...new Set(body.ids.map((value, i) => entryIdOf(value, `ids.${i}`)))]
    const done: unknown[] = []
    const refused: (Problem & { id: number | string; status: number })[] = []
    for (const id of ids) {
      const out = await applyTransition(req, options, id, body.action, body.reason as ReasonInput)
      if (out.ok) {
        done.push({ entry: out.entry, transition: out.record })
      } else {
        refused.push({ id, status: out.status, ...out.problem })
      }
    }
    if (done.length === 0) {
      // Everything refused for one reason (a bad action, a missing reason): answer that reason's status.
      const status = refused.every((r) => r.status === refused[0]!.status)
        ? refused[0]!.status
        : 409
      return problemResponse(
        status,
        refused.map(({ status: _s, ...p }) => ({ ...p, field: `ids.${ids.indexOf(p.id)}` })),
      )
    }
    return jsonResponse(200, { done, refused })
  })
