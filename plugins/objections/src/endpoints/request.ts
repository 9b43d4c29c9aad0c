import { answerRefusals, problemResponse, readJsonObject, Refusal } from '@exemplar/http'
import { OBJECTION_EVIDENCE_MAX } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import { objectionsOptionsOf } from '../options'
import type { Id, ResolvedObjectionsOptions } from '../types'

/** Runs a signed-in route with the plugin's options and the JSON body; refusals become the one error body. */
export function answerSignedIn(
  req: PayloadRequest,
  work: (options: ResolvedObjectionsOptions, body: Record<string, unknown>) => Promise<Response>,
  { editorsOnly = false } = {},
): Promise<Response> {
  return answerRefusals(async () => {
    if (!req.user) {
      return problemResponse(401, { code: 'unauthenticated', message: '请先登录后再提出异议' })
    }
    const options = objectionsOptionsOf(req.payload.config)
    if (editorsOnly && !options.isEditor(req.user)) {
      throw new Refusal(403, { code: 'forbidden', message: '只有组委会编辑可以处理异议' })
    }
    const body = await readJsonObject(req)
    if (!body.ok) {
      throw new Refusal(400, body.problem)
    }
    return work(options, body.value)
  })
}

/** A document id: a positive integer, or MongoDB's 24 hex digits. */
export function docIdOf(value: unknown, field: string, what: string): Id {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  if (/^[1-9][0-9]{0,15}$/.test(raw)) {
    return Number(raw)
  }
  if (/^[0-9a-f]{24}$/.test(raw)) {
    return raw
  }
  throw new Refusal(400, {
    field,
    code: raw ? 'invalid' : 'required',
    message: raw ? `${what} ID“${raw.slice(0, 40)}”无效` : `请指定${what}`,
  })
}

/** The evidence a request names: at most a few media ids, distinct. */
export function evidenceIds(value: unknown): Id[] {
  if (value === undefined || value === null) {
    return []
  }
  const list = Array.isArray(value) ? value : [value]
  if (list.length > OBJECTION_EVIDENCE_MAX) {
    throw new Refusal(400, {
      field: 'evidence',
      code: 'tooMany',
      message: `证据材料最多 ${OBJECTION_EVIDENCE_MAX} 个文件，现为 ${list.length} 个`,
      limit: OBJECTION_EVIDENCE_MAX,
    })
  }
  return [...new Set(list.map((v) => docIdOf(v, 'evidence', '证据材料')))]
}
