import type { Problem } from '@exemplar/http'

/** A refusal a route answers with its status and the one error body (plus any extra keys). */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly problems: Problem | Problem[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(Array.isArray(problems) ? (problems[0]?.message ?? '') : problems.message)
  }
}

export const notFound = (what: string, id: unknown) =>
  new Refusal(404, { code: 'notFound', message: `没有 ID 为 ${String(id).slice(0, 40)} 的${what}` })
