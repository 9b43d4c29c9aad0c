import { APIError, ValidationError } from 'payload'
import { readJsonObject } from '@exemplar/http'

/** One problem with a request, in the shape API.md promises the site. */
export interface FieldError {
  field: string
  /** A stable machine code (`campaign.noPledge`, `required`): the platform's one error body. */
  code: string
  message: string
  limit?: number | string
}

/** A refusal the person can act on: an HTTP status and what to fix. */
export class ParticipantsError extends APIError {
  readonly errors: FieldError[]

  constructor(status: number, errors: FieldError[]) {
    super(errors.map((e) => e.message).join('；'), status, { errors }, true)
    this.errors = errors
  }
}

export const refuse = (
  status: number,
  field: string,
  code: string,
  message: string,
  limit?: number | string,
) =>
  new ParticipantsError(status, [
    { field, code, message, ...(limit === undefined ? {} : { limit }) },
  ])

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status })
}

/**
 * Any error as the contract's `{ errors: [...] }`. Payload's own validation
 * errors carry field paths already; `prefix` places them under the part of
 * the request they came from (e.g. `institution.`). Unknown errors are not
 * described to the client.
 */
export function errorResponse(error: unknown, prefix = ''): Response {
  if (error instanceof ParticipantsError) {
    return json({ errors: error.errors }, error.status)
  }
  if (error instanceof ValidationError) {
    const errors = (error.data.errors ?? []).map((e) => ({
      field: `${prefix}${e.path ?? ''}`,
      code: 'invalid',
      message: e.message ?? '字段无效',
    }))
    return json({ errors }, 400)
  }
  if (error instanceof APIError && error.status < 500) {
    return json({ errors: [{ field: '', code: 'refused', message: error.message }] }, error.status)
  }
  throw error
}

/** The request body as an object, or a 400 naming the problem. */
export async function readBody(req: {
  json?: () => Promise<unknown>
}): Promise<Record<string, unknown>> {
  const body = await readJsonObject(req, { absent: undefined })
  if (!body.ok) {
    throw refuse(400, '', body.problem.code, body.problem.message)
  }
  return body.value
}
