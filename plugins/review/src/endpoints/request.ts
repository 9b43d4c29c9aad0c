import { errorBody, jsonResponse, problemResponse, readJsonObject } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import { reviewOptionsOf } from '../options'
import { campaignForReview, type CampaignReview, type Id } from '../service/lookups'
import { notFound, Refusal } from '../service/refusal'
import type { ResolvedReviewOptions } from '../types'

/** The JSON object a request carries; anything else is a 400. */
export async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  const body = await readJsonObject(req)
  if (!body.ok) {
    throw new Refusal(400, body.problem)
  }
  return body.value
}

/** Runs a route's work with the plugin's options; a refusal becomes the one error body, a signed-out caller a 401. */
export async function answer(
  req: PayloadRequest,
  work: (options: ResolvedReviewOptions) => Promise<Response>,
): Promise<Response> {
  if (!req.user) {
    return problemResponse(401, { code: 'unauthenticated', message: '请先登录' })
  }
  try {
    return await work(reviewOptionsOf(req.payload.config))
  } catch (error) {
    if (error instanceof Refusal) {
      return jsonResponse(error.status, errorBody(error.problems, error.extra))
    }
    throw error
  }
}

/** A document id from the route or a body: a positive integer or a MongoDB ObjectId. */
export function idOf(value: unknown, field: string, what = 'ID'): Id {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  if (/^[1-9][0-9]{0,15}$/.test(s)) {
    return Number(s)
  }
  if (/^[0-9a-f]{24}$/.test(s)) {
    return s
  }
  throw new Refusal(400, { field, code: 'invalid', message: `${what}“${s.slice(0, 40)}”无效` })
}

/** A list of ids (at most `max`), each checked. */
export function idsOf(value: unknown, field: string, max: number, what: string): Id[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Refusal(400, { field, code: 'required', message: `请提供${what}的 ID 列表` })
  }
  if (value.length > max) {
    throw new Refusal(400, {
      field,
      code: 'tooMany',
      message: `${what}一次最多 ${max} 个，现为 ${value.length} 个`,
      limit: max,
    })
  }
  return value.map((v) => idOf(v, field, `${what} ID`))
}

/** The campaign a request names (by id, or by slug for exports), or 404. */
export async function campaignNamed(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  value: unknown,
): Promise<CampaignReview> {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  if (raw === '') {
    throw new Refusal(400, { field: 'campaign', code: 'required', message: '请指定征集活动' })
  }
  let id: unknown = raw
  if (!/^[1-9][0-9]{0,15}$/.test(raw) && !/^[0-9a-f]{24}$/.test(raw)) {
    if (!/^[a-z0-9-]{1,80}$/.test(raw)) {
      throw new Refusal(400, {
        field: 'campaign',
        code: 'invalid',
        message: `征集活动“${raw.slice(0, 40)}”无效`,
      })
    }
    const { docs } = await req.payload.find({
      collection: options.campaigns,
      where: { slug: { equals: raw } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    id = docs[0]?.id
  }
  const campaign = id === undefined ? null : await campaignForReview(req, options, id)
  if (!campaign) {
    throw notFound('征集活动', raw)
  }
  return campaign
}

export const queryOf = (req: PayloadRequest, name: string): string | undefined => {
  const value = (req.query as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : undefined
}
