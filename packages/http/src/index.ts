/**
 * The one error body every endpoint answers with, fast paths and Payload
 * endpoints alike: `{ errors: [{ field?, code, message, limit? }] }`, the
 * message in Chinese naming the field and the limit. Extra top-level keys
 * (e.g. `retryAfter`) may ride along.
 */
export interface Problem {
  /** The request field at fault, as a dotted path (`partner.outletName`), when one is. */
  field?: string
  /** A stable machine code (`rate_limited`, `entry.locked`). */
  code: string
  /** What to do, in Chinese, naming the rule. */
  message: string
  /** The limit broken, when there is one. */
  limit?: number | string
}

export interface ErrorBody {
  errors: Problem[]
  [extra: string]: unknown
}

export function problem(code: string, message: string, field?: string): Problem {
  return field === undefined ? { code, message } : { field, code, message }
}

export function errorBody(problems: Problem | Problem[], extra: Record<string, unknown> = {}) {
  return { ...extra, errors: Array.isArray(problems) ? problems : [problems] } satisfies ErrorBody
}

/** A JSON answer as a Web `Response` (Payload endpoints): personal, so never stored by a cache. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })
}

/** A refusal as a Web `Response` (Payload endpoints). */
export function problemResponse(
  status: number,
  problems: Problem | Problem[],
  headers: Record<string, string> = {},
): Response {
  return Response.json(errorBody(problems), { status, headers })
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** The problems of an error body, or none when the body is not one. */
export function problemsOf(body: unknown): Problem[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) {
    return []
  }
  return body.errors.filter(
    (p): p is Problem => isRecord(p) && typeof p.message === 'string' && typeof p.code === 'string',
  )
}

/** The first problem's message, for a client that shows one line. */
export function firstMessage(body: unknown): string | undefined {
  const message = problemsOf(body)[0]?.message.trim()
  return message ? message : undefined
}

export type JsonObjectRead =
  { ok: true; value: Record<string, unknown> } | { ok: false; problem: Problem }

/**
 * A request's body as a JSON object, or the problem to answer with a 400:
 * the one reader every plugin endpoint shares. `absent` is what a request
 * without a body reads as; `rethrow` lets a caller's own errors from
 * `json()` (a size cap's 413) pass through untouched.
 */
export async function readJsonObject(
  req: { json?: () => Promise<unknown> },
  options: { absent?: unknown; rethrow?: (error: unknown) => boolean } = {},
): Promise<JsonObjectRead> {
  // `in`, not a default: a caller passing `absent: undefined` means "no body is not an object".
  const absent = 'absent' in options ? options.absent : {}
  const { rethrow } = options
  let value: unknown
  try {
    value = req.json ? await req.json() : absent
  } catch (error) {
    if (rethrow?.(error)) {
      throw error
    }
    return { ok: false, problem: { code: 'body.invalid', message: '请求体须为 JSON' } }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problem: { code: 'body.notObject', message: '请求体须为 JSON 对象（字段名: 值）' },
    }
  }
  return { ok: true, value: value as Record<string, unknown> }
}

/**
 * Names an error Payload will answer with. A production build minifies
 * class names away, and Payload's error formatter drops the message of an
 * error without a name ("An unknown error occurred."): a refusal thrown from
 * a hook goes through this so its Chinese message reaches the client.
 */
export function keepMessage<E extends Error>(error: E, name = 'ExemplarRefusal'): E {
  error.name = name
  return error
}

/** A refusal a route answers with its status and the one error body (plus any extra keys). */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly problems: Problem | Problem[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(Array.isArray(problems) ? (problems[0]?.message ?? '') : problems.message)
    this.name = 'ExemplarRefusal'
  }
}

/** Runs a route's work; a `Refusal` becomes its status and the one error body, anything else is thrown on. */
export async function answerRefusals(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Refusal) {
      return jsonResponse(error.status, errorBody(error.problems, error.extra))
    }
    throw error
  }
}
