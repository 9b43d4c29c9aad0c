import { problemResponse, readJsonObject, type Problem } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.message)
  }
}

/** The JSON object a request carries; anything else is a 400. */
export async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  const body = await readJsonObject(req)
  if (!body.ok) {
    throw new Refusal(400, body.problem)
  }
  return body.value
}

/** Runs a handler's work; a refusal becomes the one error body, a signed-out caller a 401. */
export async function answer(
  req: PayloadRequest,
  work: () => Promise<Response>,
): Promise<Response> {
  if (!req.user) {
    return problemResponse(401, { code: 'unauthenticated', message: '请先登录' })
  }
  try {
    return await work()
  } catch (error) {
    if (error instanceof Refusal) {
      return problemResponse(error.status, error.problem)
    }
    throw error
  }
}

/** An entry id from the route or a body: a positive integer or a MongoDB ObjectId. */
export function entryIdOf(value: unknown, field: string): number | string {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  if (/^[1-9][0-9]{0,15}$/.test(s)) {
    return Number(s)
  }
  if (/^[0-9a-f]{24}$/.test(s)) {
    return s
  }
  throw new Refusal(400, { field, code: 'invalid', message: `作品 ID“${s.slice(0, 40)}”无效` })
}
