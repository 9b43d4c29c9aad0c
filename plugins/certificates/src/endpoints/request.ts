import { answerRefusals, problemResponse, readJsonObject, Refusal } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import { certificatesOptionsOf } from '../options'
import type { ResolvedCertificatesOptions } from '../types'

/** Runs an editor's route with the plugin's options: a refusal becomes the one error body. */
export function answerCertificateEditor(
  req: PayloadRequest,
  work: (options: ResolvedCertificatesOptions, body: Record<string, unknown>) => Promise<Response>,
  withBody = true,
): Promise<Response> {
  return answerRefusals(async () => {
    if (!req.user) {
      return problemResponse(401, { code: 'unauthenticated', message: '请先登录' })
    }
    const options = certificatesOptionsOf(req.payload.config)
    if (!options.isEditor(req.user)) {
      throw new Refusal(403, { code: 'forbidden', message: '只有组委会编辑可以颁发证书' })
    }
    if (!withBody) {
      return work(options, {})
    }
    const body = await readJsonObject(req)
    if (!body.ok) {
      throw new Refusal(400, body.problem)
    }
    return work(options, body.value)
  })
}

/** A campaign named by its id (a positive integer, or MongoDB's 24 hex digits). */
export function campaignIdOf(value: unknown): number | string {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  if (raw === '') {
    throw new Refusal(400, { field: 'campaign', code: 'required', message: '请指定征集活动' })
  }
  if (/^[1-9][0-9]{0,15}$/.test(raw)) {
    return Number(raw)
  }
  if (/^[0-9a-f]{24}$/.test(raw)) {
    return raw
  }
  throw new Refusal(400, {
    field: 'campaign',
    code: 'invalid',
    message: `征集活动 ID“${raw.slice(0, 40)}”无效`,
  })
}

/** The names a request confirms: a non-empty list of distinct, trimmed strings, at most 500. */
export function namesIn(value: unknown, field: string, what: string): string[] {
  const list = Array.isArray(value) ? value : []
  const names = [...new Set(list.map((v) => (typeof v === 'string' ? v.trim() : '')))]
  if (names.length === 0 || names.includes('')) {
    throw new Refusal(400, { field, code: 'required', message: `请勾选要颁发证书的${what}` })
  }
  if (names.length > 500) {
    throw new Refusal(400, {
      field,
      code: 'tooMany',
      message: `一次至多颁发 500 张，现为 ${names.length} 张`,
      limit: 500,
    })
  }
  return names
}
