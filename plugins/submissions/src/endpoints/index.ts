import type { Endpoint, PayloadRequest } from 'payload'

import type { SubmissionsInput } from '../service'
import type { ResolvedSubmissionsOptions } from '../types'
import { ENDPOINT_PATHS, dispatch } from './router'

export const BASE = '/submissions'

function inputOf(req: PayloadRequest): SubmissionsInput {
  return {
    method: req.method ?? 'GET',
    path: new URL(req.url ?? 'http://localhost/').pathname,
    headers: req.headers,
    user: req.user ?? undefined,
    json: async () => (req.json ? await req.json() : {}),
    formData: async () => {
      if (!req.formData) {
        throw new Error('no form data')
      }
      return req.formData()
    },
  }
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })
}

/**
 * The contract's routes as Payload endpoints (the Next path). The CMS's own
 * server answers /api/submissions/* before Next sees it — uploads stream to
 * disk there — and runs the same dispatch.
 */
export function submissionsEndpoints(options: ResolvedSubmissionsOptions): Endpoint[] {
  return ENDPOINT_PATHS.map(([method, path]) => ({
    method,
    path: `${BASE}${path}`,
    handler: async (req) => {
      const input = inputOf(req)
      const sub = input.path.replace(/^.*?\/submissions(?=\/)/, '')
      const out = await dispatch(req.payload, options, sub, input)
      return json(out.status, out.body)
    },
  }))
}
