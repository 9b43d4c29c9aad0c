import { answerRefusals, problemResponse, readJsonObject, Refusal } from '@exemplar/http'
import { OBJECTION_EVIDENCE_MAX } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import { objectionsOptionsOf } from '../options'
import type { Id, Objector, ResolvedObjectionsOptions } from '../types'

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

/** Longer than any address a one-time code goes to: refused before anything reads it. */
const CONTACT_MAX = 320

/**
 * Runs the raise route with the objector it is for: the signed-in account,
 * or else the address named in `contact` when the request proves it by a
 * one-time code (the host decides what proves it). Neither is 401.
 */
export function answerObjector(
  req: PayloadRequest,
  work: (
    options: ResolvedObjectionsOptions,
    body: Record<string, unknown>,
    objector: Objector,
  ) => Promise<Response>,
): Promise<Response> {
  return answerRefusals(async () => {
    const options = objectionsOptionsOf(req.payload.config)
    if (req.user) {
      const body = await readJsonObject(req)
      if (!body.ok) {
        throw new Refusal(400, body.problem)
      }
      return work(options, body.value, { kind: 'account', id: req.user.id })
    }
    if (!options.verifiedContact) {
      return problemResponse(401, { code: 'unauthenticated', message: '请先登录后再提出异议' })
    }
    const body = await readJsonObject(req)
    if (!body.ok) {
      throw new Refusal(400, body.problem)
    }
    const claimed = body.value.contact
    if (claimed === undefined || claimed === null || claimed === '') {
      return problemResponse(401, {
        code: 'unauthenticated',
        message: '请先登录，或用邮箱、手机号获取验证码验证身份后再提出异议',
      })
    }
    if (typeof claimed !== 'string' || claimed.length > CONTACT_MAX) {
      throw new Refusal(400, {
        field: 'contact',
        code: 'invalid',
        message: `联系方式须为邮箱或手机号，不超过 ${CONTACT_MAX} 个字符`,
        limit: CONTACT_MAX,
      })
    }
    const contact = await options.verifiedContact(req, claimed)
    if (!contact) {
      return problemResponse(401, {
        field: 'contact',
        code: 'unverified',
        message: '该邮箱或手机号尚未通过验证码验证，请先获取验证码完成验证',
      })
    }
    return work(options, body.value, { kind: 'contact', ...contact })
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
