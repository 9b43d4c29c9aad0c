import { answerRefusals, problemResponse, readJsonObject, Refusal } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import { resultsOptionsOf } from '../options'
import type { ResolvedResultsOptions } from '../types'

/** Runs an editor's route with the plugin's options: a refusal becomes the one error body. */
export function answerEditor(
  req: PayloadRequest,
  work: (options: ResolvedResultsOptions) => Promise<Response>,
): Promise<Response> {
  return answerRefusals(async () => {
    if (!req.user) {
      return problemResponse(401, { code: 'unauthenticated', message: '请先登录' })
    }
    const options = resultsOptionsOf(req.payload.config)
    if (!options.isEditor(req.user)) {
      throw new Refusal(403, { code: 'forbidden', message: '只有组委会编辑可以操作评选结果' })
    }
    return work(options)
  })
}

/** The JSON object a request carries; anything else is a 400. */
export async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  const body = await readJsonObject(req)
  if (!body.ok) {
    throw new Refusal(400, body.problem)
  }
  return body.value
}

export const queryOf = (req: PayloadRequest, name: string): string | undefined => {
  const value = (req.query as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : undefined
}
